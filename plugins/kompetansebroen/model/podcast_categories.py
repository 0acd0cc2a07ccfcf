"""Apple Podcasts' categories, the list Apple has used since 2019 (Spotify and most apps read the same).

``itunes:category`` must hold one of these names exactly as written here
(``Health & Fitness``, with the ampersand), optionally with one of its
subcategories nested inside it. Apple replaced the older list in 2019:
``Health`` became ``Health & Fitness``, ``Science & Medicine`` was split, and so
on. Feeds with the old names are still read, but the podcast is filed wrongly
or not at all; ``RETIRED_CATEGORIES`` maps the old names editors may copy from
an old guide to what to write now.
"""

from __future__ import annotations

APPLE_CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing", "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": (
        "Alternative Health",
        "Fitness",
        "Medicine",
        "Mental Health",
        "Nutrition",
        "Sexuality",
    ),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": (
        "Animation & Manga",
        "Automotive",
        "Aviation",
        "Crafts",
        "Games",
        "Hobbies",
        "Home & Garden",
        "Video Games",
    ),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": (
        "Business News",
        "Daily News",
        "Entertainment News",
        "News Commentary",
        "Politics",
        "Sports News",
        "Tech News",
    ),
    "Religion & Spirituality": (
        "Buddhism",
        "Christianity",
        "Hinduism",
        "Islam",
        "Judaism",
        "Religion",
        "Spirituality",
    ),
    "Science": (
        "Astronomy",
        "Chemistry",
        "Earth Sciences",
        "Life Sciences",
        "Mathematics",
        "Natural Sciences",
        "Nature",
        "Physics",
        "Social Sciences",
    ),
    "Society & Culture": (
        "Documentary",
        "Personal Journals",
        "Philosophy",
        "Places & Travel",
        "Relationships",
    ),
    "Sports": (
        "Baseball",
        "Basketball",
        "Cricket",
        "Fantasy Sports",
        "Football",
        "Golf",
        "Hockey",
        "Rugby",
        "Running",
        "Soccer",
        "Swimming",
        "Tennis",
        "Volleyball",
        "Wilderness",
        "Wrestling",
    ),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}
"""Every category and its subcategories, in Apple's order."""

NORWEGIAN_NAMES: dict[str, str] = {
    "Arts": "Kunst",
    "Business": "Næringsliv",
    "Comedy": "Humor",
    "Education": "Utdanning",
    "Fiction": "Fiksjon",
    "Government": "Offentlig forvaltning",
    "History": "Historie",
    "Health & Fitness": "Helse og trening",
    "Kids & Family": "Barn og familie",
    "Leisure": "Fritid",
    "Music": "Musikk",
    "News": "Nyheter",
    "Religion & Spirituality": "Religion og livssyn",
    "Science": "Vitenskap",
    "Society & Culture": "Samfunn og kultur",
    "Sports": "Sport",
    "Technology": "Teknologi",
    "True Crime": "Krim fra virkeligheten",
    "TV & Film": "TV og film",
}
"""The top categories in Norwegian, for the browser editor's list; the feed keeps Apple's own names."""


def editor_label(category: str) -> str:
    """«Helse og trening (Health & Fitness)»: the Norwegian name, with Apple's, which guides and the
    feed use, after it."""
    return f"{NORWEGIAN_NAMES[category]} ({category})"


RETIRED_CATEGORIES: dict[str, tuple[str, str | None]] = {
    "Health": ("Health & Fitness", None),
    "Science & Medicine": ("Health & Fitness", "Medicine"),
    "Games & Hobbies": ("Leisure", None),
    "Government & Organizations": ("Government", None),
    "News & Politics": ("News", None),
    "Sports & Recreation": ("Sports", None),
}
"""Top categories of the list before 2019, and the category (and subcategory) that replaced them."""


def parent_of(subcategory: str) -> str | None:
    """The category a subcategory belongs to (``Medicine`` → ``Health & Fitness``), if it is one."""
    for category, subcategories in APPLE_CATEGORIES.items():
        if subcategory in subcategories:
            return category
    return None


def is_valid(category: str, subcategory: str | None = None) -> bool:
    """Whether ``category`` (and ``subcategory`` under it, when given) is in Apple's list."""
    if category not in APPLE_CATEGORIES:
        return False
    return subcategory is None or subcategory in APPLE_CATEGORIES[category]
