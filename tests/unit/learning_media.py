"""Short media files made at test time: MP3 and MP4 with Debian's ffmpeg, images with Pillow.

Nothing is downloaded. ``ffmpeg`` must be on the PATH (``make test`` installs
it when missing, as it does chromium).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image


def _ffmpeg(*arguments: str) -> None:
    executable = shutil.which("ffmpeg")
    assert executable, "ffmpeg is missing: install Debian's ffmpeg (apt-get install ffmpeg)"
    subprocess.run(
        [executable, "-hide_banner", "-loglevel", "error", "-y", *arguments],
        check=True,
        capture_output=True,
        timeout=60,
    )


def make_mp3(path: Path, seconds: int = 2, frequency: int = 440) -> Path:
    """A sine tone of ``seconds`` as MP3."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _ffmpeg("-f", "lavfi", "-i", f"sine=frequency={frequency}:duration={seconds}", "-q:a", "9", str(path))
    return path


def make_mp4(path: Path, seconds: int = 2) -> Path:
    """ffmpeg's test pattern for ``seconds`` as an H.264 MP4 (yuv420p, which every browser plays)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    _ffmpeg(
        "-f", "lavfi", "-i", f"testsrc=duration={seconds}:size=320x180:rate=10",
        "-pix_fmt", "yuv420p", str(path),
    )  # fmt: skip
    return path


def make_image(path: Path, width: int, height: int, image_format: str = "JPEG", mode: str = "RGB") -> Path:
    """A plain image of the given size, format and colour mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    colour = (0, 90, 160, 0) if mode == "CMYK" else (0, 90, 160)
    image = Image.new(mode, (width, height), colour[: len(mode)] if mode != "L" else 90)
    image.save(path, format=image_format)
    return path


def make_webvtt(path: Path, text: str = "Hei og velkommen.") -> Path:
    """A minimal valid WebVTT captions file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n{text}\n", encoding="utf-8")
    return path
