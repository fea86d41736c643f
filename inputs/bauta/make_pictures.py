"""Draw the example bauta's pictures: simple, deterministic illustrations (1200 × 800 PNG).

Run: `.venv/bin/python inputs/bauta/make_pictures.py`. The pictures are committed in
kilder/bilder/; make_submissions.py pastes them into the municipalities' Word forms. Each
picture is a flat-colour scene (fjord, square, harbour, forest, aurora trail, workshop,
houses, island map) drawn with Pillow from a fixed seed, so every run gives the same bytes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw

W, H = 1200, 800
OUT = Path(__file__).resolve().parent / "kilder" / "bilder"

SKY = [(198, 223, 232), (214, 229, 236), (232, 220, 200), (205, 214, 228)]
MOUNTAINS = [(79, 138, 156), (50, 111, 130), (15, 54, 68), (96, 122, 110), (120, 140, 150)]
WALLS = [(196, 82, 58), (233, 184, 114), (240, 235, 220), (86, 120, 140), (170, 62, 45),
         (226, 214, 180), (120, 150, 110)]


def _sky(d: ImageDraw.ImageDraw, rnd: random.Random, top: tuple[int, int, int],
         bottom: tuple[int, int, int], height: int) -> None:
    bands = 8
    for i in range(bands):
        t = i / (bands - 1)
        colour = tuple(int(top[k] + (bottom[k] - top[k]) * t) for k in range(3))
        d.rectangle([0, i * height // bands, W, (i + 1) * height // bands + 1], fill=colour)


def _ridge(d: ImageDraw.ImageDraw, rnd: random.Random, base: int, amp: int,
           colour: tuple[int, int, int], steps: int = 9) -> None:
    points = [(0, H)]
    for i in range(steps + 1):
        x = i * W / steps
        points.append((x, base - rnd.randint(0, amp)))
    points.append((W, H))
    d.polygon(points, fill=colour)


def _house(d: ImageDraw.ImageDraw, x: int, y: int, w: int, h: int,
           wall: tuple[int, int, int], roof: tuple[int, int, int] = (60, 60, 60)) -> None:
    d.rectangle([x, y, x + w, y + h], fill=wall)
    d.polygon([(x - w // 10, y), (x + w // 2, y - h // 2), (x + w + w // 10, y)], fill=roof)
    win = (250, 240, 200)
    for wx in (x + w // 5, x + w * 3 // 5):
        d.rectangle([wx, y + h // 4, wx + w // 5, y + h // 2], fill=win)
    d.rectangle([x + w * 2 // 5, y + h * 3 // 5, x + w * 3 // 5, y + h], fill=(70, 50, 40))


def _person(d: ImageDraw.ImageDraw, x: int, y: int, size: int,
            colour: tuple[int, int, int]) -> None:
    d.ellipse([x - size // 4, y - size, x + size // 4, y - size // 2], fill=(235, 200, 170))
    d.rounded_rectangle([x - size // 3, y - size // 2, x + size // 3, y + size // 2],
                        radius=size // 6, fill=colour)


def _tree(d: ImageDraw.ImageDraw, x: int, y: int, size: int,
          colour: tuple[int, int, int] = (46, 94, 62)) -> None:
    d.rectangle([x - size // 12, y, x + size // 12, y + size // 3], fill=(90, 64, 40))
    d.polygon([(x - size // 2, y + size // 8), (x, y - size), (x + size // 2, y + size // 8)],
              fill=colour)


def fjord(rnd: random.Random, d: ImageDraw.ImageDraw) -> None:
    _sky(d, rnd, rnd.choice(SKY), (245, 245, 240), 420)
    _ridge(d, rnd, 330, 170, MOUNTAINS[0])
    _ridge(d, rnd, 420, 140, MOUNTAINS[1])
    d.rectangle([0, 470, W, H], fill=(41, 96, 122))
    for i in range(6):
        y = 500 + i * 45
        d.line([(rnd.randint(0, 400), y), (rnd.randint(700, W), y)], fill=(70, 130, 155),
               width=3)
    d.polygon([(0, 560), (380, 500), (520, 560), (520, H), (0, H)], fill=(96, 122, 90))
    for i in range(5):
        _house(d, 40 + i * 90, 470 + (i % 2) * 18, 60, 50, rnd.choice(WALLS))


def square(rnd: random.Random, d: ImageDraw.ImageDraw) -> None:
    _sky(d, rnd, rnd.choice(SKY), (250, 248, 240), 380)
    _ridge(d, rnd, 300, 120, MOUNTAINS[4])
    d.rectangle([0, 520, W, H], fill=(200, 196, 186))
    for i in range(0, W, 60):
        d.line([(i, 520), (i - 200, H)], fill=(185, 180, 170), width=2)
    x = 20
    while x < W:
        w = rnd.randint(140, 220)
        h = rnd.randint(150, 260)
        _house(d, x, 520 - h, w, h, rnd.choice(WALLS), (70, 70, 75))
        x += w + 30
    for i in range(4):
        _tree(d, 150 + i * 280, 560, 110)
    colours = [(31, 78, 121), (196, 82, 58), (233, 184, 114), (70, 110, 80)]
    for _ in range(9):
        _person(d, rnd.randint(80, W - 80), rnd.randint(640, 760), 70, rnd.choice(colours))
    d.rectangle([520, 600, 700, 620], fill=(110, 80, 50))


def harbour(rnd: random.Random, d: ImageDraw.ImageDraw) -> None:
    _sky(d, rnd, rnd.choice(SKY), (240, 240, 235), 360)
    _ridge(d, rnd, 320, 150, MOUNTAINS[0])
    d.rectangle([0, 380, W, H], fill=(36, 88, 112))
    d.rectangle([0, 600, W, H], fill=(120, 110, 100))
    d.rectangle([0, 590, W, 604], fill=(90, 80, 70))
    for i in range(3):
        x = 80 + i * 380
        d.rectangle([x, 420, x + 260, 600], fill=rnd.choice(WALLS))
        d.polygon([(x - 10, 420), (x + 130, 360), (x + 270, 420)], fill=(60, 60, 60))
        d.rectangle([x + 100, 500, x + 160, 600], fill=(60, 45, 35))
    for i in range(4):
        bx = 60 + i * 290 + rnd.randint(0, 40)
        d.polygon([(bx, 640), (bx + 200, 640), (bx + 170, 690), (bx + 30, 690)],
                  fill=rnd.choice([(240, 240, 235), (196, 82, 58), (31, 78, 121)]))
        d.rectangle([bx + 80, 600, bx + 130, 640], fill=(230, 230, 225))
        d.line([(bx + 100, 600), (bx + 100, 540)], fill=(60, 60, 60), width=4)


def forest(rnd: random.Random, d: ImageDraw.ImageDraw) -> None:
    _sky(d, rnd, rnd.choice(SKY), (240, 244, 236), 400)
    _ridge(d, rnd, 360, 100, (96, 122, 110))
    d.rectangle([0, 560, W, H], fill=(120, 150, 90))
    for _ in range(26):
        _tree(d, rnd.randint(0, W), rnd.randint(420, 560), rnd.randint(120, 200),
              rnd.choice([(46, 94, 62), (36, 80, 52), (60, 110, 70)]))
    x = 420
    d.rectangle([x, 430, x + 380, 640], fill=(205, 160, 105))
    for i in range(0, 380, 24):
        d.line([(x + i, 430), (x + i, 640)], fill=(180, 135, 85), width=3)
    d.polygon([(x - 30, 430), (x + 190, 330), (x + 410, 430)], fill=(70, 70, 70))
    for wx in (x + 40, x + 160, x + 280):
        d.rectangle([wx, 480, wx + 70, 560], fill=(200, 225, 235))


def aurora(rnd: random.Random, d: ImageDraw.ImageDraw) -> None:
    _sky(d, rnd, (10, 22, 45), (30, 50, 80), 520)
    for _ in range(60):
        x, y = rnd.randint(0, W), rnd.randint(0, 400)
        d.ellipse([x, y, x + 3, y + 3], fill=(240, 240, 255))
    for k in range(3):
        base = 140 + k * 70
        points = [(x, base + 60 * math.sin(x / 170 + k)) for x in range(0, W + 40, 40)]
        d.line(points, fill=[(90, 220, 150), (120, 240, 190), (150, 200, 230)][k],
               width=26 - k * 6, joint="curve")
    _ridge(d, rnd, 480, 90, (25, 40, 60))
    d.rectangle([0, 560, W, H], fill=(225, 232, 240))
    # A boardwalk running into the picture, with lamps along it.
    d.polygon([(430, H), (770, H), (620, 565), (580, 565)], fill=(150, 115, 80))
    for i in range(1, 12):
        t = i / 12
        y = 565 + (H - 565) * t * t
        half = 20 + 150 * t * t
        d.line([(600 - half, y), (600 + half, y)], fill=(115, 85, 55), width=2 + int(3 * t))
    for side in (-1, 1):
        for i in range(4):
            t = (i + 1) / 5
            y = 565 + (H - 565) * t * t
            x = 600 + side * (40 + 190 * t * t)
            d.line([(x, y), (x, y - 20 - 40 * t)], fill=(60, 50, 40), width=3)
            d.ellipse([x - 6, y - 28 - 40 * t, x + 6, y - 16 - 40 * t], fill=(250, 220, 140))


def workshop(rnd: random.Random, d: ImageDraw.ImageDraw) -> None:
    d.rectangle([0, 0, W, H], fill=(236, 232, 224))
    d.rectangle([0, 560, W, H], fill=(180, 150, 120))
    d.rectangle([80, 80, 560, 380], fill=(250, 250, 250), outline=(120, 120, 120), width=6)
    for i in range(5):
        y = 130 + i * 50
        d.line([(120, y), (120 + rnd.randint(200, 400), y)], fill=(31, 78, 121), width=8)
    for i in range(6):
        x = 640 + (i % 3) * 150
        y = 140 + (i // 3) * 130
        d.rectangle([x, y, x + 110, y + 90],
                    fill=rnd.choice([(250, 220, 120), (160, 210, 190), (240, 170, 150)]))
    d.rounded_rectangle([200, 540, 1000, 600], radius=12, fill=(140, 100, 70))
    colours = [(31, 78, 121), (196, 82, 58), (233, 184, 114), (70, 110, 80), (120, 90, 140)]
    for i in range(6):
        _person(d, 240 + i * 140, 520, 110, colours[i % len(colours)])


def houses(rnd: random.Random, d: ImageDraw.ImageDraw) -> None:
    _sky(d, rnd, rnd.choice(SKY), (250, 250, 245), 420)
    _ridge(d, rnd, 380, 120, MOUNTAINS[3])
    d.rectangle([0, 560, W, H], fill=(130, 170, 100))
    d.polygon([(0, 700), (W, 640), (W, 680), (0, 740)], fill=(170, 165, 155))
    for i in range(6):
        _house(d, 40 + i * 195, 420 + (i % 3) * 20, 150, 130, rnd.choice(WALLS))
    for i in range(5):
        _tree(d, 130 + i * 230, 640, 90)


def island_map(rnd: random.Random, d: ImageDraw.ImageDraw) -> None:
    d.rectangle([0, 0, W, H], fill=(176, 208, 222))
    for _ in range(4):
        cx, cy = rnd.randint(200, 1000), rnd.randint(200, 600)
        r = rnd.randint(70, 190)
        points = []
        for a in range(0, 360, 20):
            rr = r * (0.7 + 0.5 * rnd.random())
            points.append((cx + rr * math.cos(math.radians(a)),
                           cy + rr * math.sin(math.radians(a))))
        d.polygon(points, fill=(214, 206, 170), outline=(120, 110, 90))
        d.ellipse([cx - 8, cy - 8, cx + 8, cy + 8], fill=(196, 82, 58))
    for _ in range(3):
        points = [(rnd.randint(100, 1100), rnd.randint(100, 700)) for _ in range(3)]
        d.line(points, fill=(31, 78, 121), width=6)
    for x in range(0, W, 100):
        d.line([(x, 0), (x, H)], fill=(160, 195, 210), width=1)
    for y in range(0, H, 100):
        d.line([(0, y), (W, y)], fill=(160, 195, 210), width=1)


SCENES: dict[str, Callable[[random.Random, ImageDraw.ImageDraw], None]] = {
    "fjord": fjord, "torg": square, "havn": harbour, "skog": forest, "nordlys": aurora,
    "verksted": workshop, "hus": houses, "kart": island_map,
}

#: Every picture of the example: file stem → scene.
PICTURES: dict[str, str] = {}
MUNICIPALITY_SCENES = {
    "askvik": ("havn", "torg"), "bjorkedal": ("fjord", "verksted"), "dalsoy": ("kart", "havn"),
    "eikenes": ("fjord", "hus"), "fjordvik": ("havn", "fjord"), "granlia": ("skog", "torg"),
    "hvitsand": ("hus", "verksted"), "jordal": ("torg", "hus"), "kvitnes": ("nordlys", "havn"),
    "lyngvaer": ("havn", "verksted"), "myrvang": ("torg", "verksted"),
    "nordvag": ("fjord", "havn"), "osdal": ("skog", "fjord"), "rismo": ("hus", "torg"),
    "solnes": ("hus", "fjord"), "sunnvik": ("fjord", "havn"), "vestmo": ("skog", "hus"),
}
EXAMPLE_SCENES = {
    "torget": ("torg", "verksted", "torg"), "ungdomshuset": ("torg", "verksted", "hus"),
    "massivtre": ("skog", "verksted", "torg"),
    "nordlysloypa": ("nordlys", "verksted", "skog", "torg"),
    "kompetanse": ("havn", "verksted", "havn"), "grundere": ("torg", "verksted", "torg"),
    "boliger": ("hus", "verksted", "hus"), "ferjekai": ("havn", "kart", "havn"),
    "grunderhage": ("hus", "verksted", "skog"),
}
for slug, scenes in MUNICIPALITY_SCENES.items():
    for n, scene in enumerate(scenes, start=1):
        PICTURES[f"{slug}-{n}"] = scene
for slug, scenes in EXAMPLE_SCENES.items():
    for n, scene in enumerate(scenes, start=1):
        PICTURES[f"eksempel-{slug}-{n}"] = scene


def draw(stem: str, scene: str) -> Image.Image:
    rnd = random.Random(stem)
    img = Image.new("RGB", (W, H), "white")
    SCENES[scene](rnd, ImageDraw.Draw(img))
    # A palette image: flat colours stay exact and the file stays small.
    return img.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for stem, scene in PICTURES.items():
        draw(stem, scene).save(OUT / f"{stem}.png", optimize=True)
    print(f"{len(PICTURES)} bilder i {OUT}")


if __name__ == "__main__":
    main()
