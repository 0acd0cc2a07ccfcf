"""The controlled list of topics editors may use in ``tags``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..text.slugs import slugify


@dataclass(frozen=True)
class Topic:
    """A topic: its display name, URL slug and a one-line description."""

    name: str
    description: str

    @property
    def slug(self) -> str:
        return slugify(self.name)


class TopicRegistry:
    """All topics, in the order they were defined."""

    def __init__(self, topics: Iterable[Topic]) -> None:
        self._by_name: dict[str, Topic] = {}
        for topic in topics:
            if topic.name in self._by_name:
                raise ValueError(f"topic {topic.name!r} is defined twice")
            self._by_name[topic.name] = topic
        slugs = [topic.slug for topic in self._by_name.values()]
        if len(set(slugs)) != len(slugs):
            raise ValueError("two topics share a slug")

    def __iter__(self) -> Iterator[Topic]:
        return iter(self._by_name.values())

    def __len__(self) -> int:
        return len(self._by_name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def names(self) -> list[str]:
        return list(self._by_name)

    def get(self, name: str) -> Topic:
        return self._by_name[name]

    def by_slug(self, slug: str) -> Topic | None:
        return next((topic for topic in self if topic.slug == slug), None)
