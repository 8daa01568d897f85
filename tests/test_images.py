from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from PIL import Image

from tests.factories import EventFactory
from timeline import images

pytestmark = pytest.mark.django_db


def picture(format="JPEG", size=(2000, 1000), exif=True) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (200, 80, 40))
    out = io.BytesIO()
    extra = {}
    if exif:
        data = Image.Exif()
        data[0x010F] = "Camera maker"
        data[0x8825] = {2: (41.0, 0.0, 0.0)}  # GPS latitude: where the photo was taken
        extra["exif"] = data.tobytes()
    image.save(out, format, **extra)
    return SimpleUploadedFile(f"photo.{format.lower()}", out.getvalue(), f"image/{format.lower()}")


def test_an_upload_is_stored_without_its_metadata_with_resized_copies():
    event = EventFactory()
    images.attach(event, picture(), alt="A red field", caption="Red", credit="Us")
    event.refresh_from_db()
    stored = Image.open(event.image.open("rb"))
    assert stored.size == (1600, 800)  # capped at the widest width
    assert not stored.getexif() and "exif" not in stored.info
    assert event.image_widths == [480, 960, 1600]
    assert event.image_srcset.endswith(f"{event.image.url} 1600w")
    assert "-480w.jpg 480w" in event.image_srcset
    stored = type(event).objects.filter(pk=event.pk).values_list("image_width", "image_height")
    assert stored.get() == (1600, 800)


def test_only_real_images_of_known_types_within_the_limit_pass(settings):
    fake = SimpleUploadedFile("x.png", b"<svg onload=alert(1)>", "image/png")
    with pytest.raises(ValidationError) as error:
        images.check(fake)
    assert error.value.code == "not_an_image"
    with pytest.raises(ValidationError) as error:
        images.check(picture("GIF", exif=False))
    assert error.value.code == "image_type"
    settings.TIMELINE_MAX_IMAGE_BYTES = 100
    with pytest.raises(ValidationError) as error:
        images.check(picture())
    assert error.value.code == "image_too_large"


def test_replacing_an_image_removes_the_old_files():
    event = EventFactory()
    images.attach(event, picture(), alt="First")
    storage, old = event.image.storage, event.image.name
    images.attach(event, picture("PNG", size=(300, 200), exif=False), alt="Second")
    assert not storage.exists(old)
    assert event.image_widths == [300] and event.image.name.endswith(".png")


def test_an_image_without_alt_text_cannot_be_stored():
    event = EventFactory()
    with pytest.raises(IntegrityError):
        type(event).objects.filter(pk=event.pk).update(image="events/x.png", image_alt="")


def test_admin_upload_needs_alt_text_then_strips_and_resizes(admin_client):
    event = EventFactory()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    form = {
        "timeline": event.timeline_id,
        "headline": event.headline,
        "date": "2013-01-01",
        "precision": 1,
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
    }
    response = admin_client.post(url, {**form, "upload": picture()})
    assert response.status_code == 200
    assert "Describe the image for readers who cannot see it." in response.content.decode()
    response = admin_client.post(url, {**form, "upload": picture(), "image_alt": "A red field"})
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.image and event.image_widths == [480, 960, 1600]
    assert admin_client.post(url, {**form, "remove_image": "on"}).status_code == 302
    event.refresh_from_db()
    assert not event.image


def test_the_public_page_shows_the_image_with_srcset_alt_and_credit(client):
    event = EventFactory(link_url="https://video.example.org/v/1", link_title="Watch")
    images.attach(event, picture(), alt="A red field", caption="Red", credit="Us")
    content = client.get(event.timeline.get_absolute_url()).content.decode()
    assert f'srcset="{event.image_srcset}"' in content and 'alt="A red field"' in content
    assert '<span class="credit">Us</span>' in content
    assert '<span class="link-host">video.example.org</span>' in content
    assert client.get(event.image.url).status_code == 200
