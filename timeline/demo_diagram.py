"""The demo's one image: a diagram of the 2013 tender's four bids, drawn here with Pillow.

Made for this project from the facts in the demo's own notes; no photograph
or outside artwork is used.
"""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

INK, MUTED, PAPER, WASH = (29, 31, 35), (79, 86, 97), (255, 255, 255), (244, 245, 247)
BLUE, RED = (11, 92, 173), (164, 22, 26)

BIDS = [
    ("Patriot PAC-3", "United States"),
    ("SAMP/T Aster 30", "France and Italy"),
    ("S-400", "Russia"),
    ("FD-2000", "China"),
]

ALT = (
    "Diagram of the four bids in Turkey's 2013 long-range air-defense tender: Patriot PAC-3 "
    "(United States), SAMP/T Aster 30 (France and Italy), S-400 (Russia) and FD-2000 (China). "
    "FD-2000 is marked as chosen in September 2013 and cancelled in November 2015."
)


def tender_diagram() -> bytes:
    """A 1600×900 PNG."""
    width, height = 1600, 900
    image = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(image)
    title = ImageFont.load_default(size=56)
    name = ImageFont.load_default(size=38)
    small = ImageFont.load_default(size=32)
    draw.text((80, 60), "T-LORAMIDS, 2013: four bids", font=title, fill=INK)
    draw.text(
        (80, 135), "Turkey's long-range air and missile defense tender", font=small, fill=MUTED
    )
    box_w, box_h, gap, top = 320, 220, 40, 260
    for index, (system, country) in enumerate(BIDS):
        left = 80 + index * (box_w + gap)
        chosen = system == "FD-2000"
        draw.rounded_rectangle(
            (left, top, left + box_w, top + box_h),
            radius=18,
            fill=WASH,
            outline=BLUE if chosen else MUTED,
            width=8 if chosen else 3,
        )
        draw.text((left + box_w / 2, top + 70), system, font=name, fill=INK, anchor="mm")
        draw.text((left + box_w / 2, top + 140), country, font=small, fill=MUTED, anchor="mm")
    chosen_x = 80 + 3 * (box_w + gap) + box_w / 2
    draw.line((chosen_x, top + box_h, chosen_x, 600), fill=BLUE, width=6)
    draw.text((chosen_x, 620), "Chosen: September 2013", font=small, fill=BLUE, anchor="ma")
    draw.line((chosen_x, 670, chosen_x, 740), fill=RED, width=6)
    draw.text((chosen_x, 760), "Cancelled: November 2015", font=small, fill=RED, anchor="ma")
    draw.text((80, 820), "Diagram made for the timeline demo", font=small, fill=MUTED)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()
