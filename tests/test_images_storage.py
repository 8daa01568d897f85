"""Event images on storage other than the local disk: only the storage API is used.

The same upload, check, strip, resize and srcset path as tests/test_images.py, with
Django's InMemoryStorage as the default storage: nothing may reach MEDIA_ROOT.
"""

from __future__ import annotations

import ast
import io
import re

import pytest
from django.core.files.storage import InMemoryStorage, storages
from django.urls import reverse
from PIL import Image

from tests.factories import EventFactory
from tests.test_images import picture
from tests.test_settings import manage
from timeline import images

pytestmark = pytest.mark.django_db


def use_storage(settings, backend: str, **options) -> None:
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": backend, "OPTIONS": options},
    }


@pytest.fixture
def in_memory(settings):
    use_storage(settings, "django.core.files.storage.InMemoryStorage")
    yield storages["default"]
    assert not settings.MEDIA_ROOT.exists(), "an image reached the file system"


def test_admin_upload_to_public_page_runs_on_in_memory_storage(in_memory, admin_client, client):
    assert isinstance(in_memory, InMemoryStorage)
    event = EventFactory()
    form = {
        "timeline": event.timeline_id,
        "headline": event.headline,
        "date": "2013-01-01",
        "precision": 1,
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
        "image_alt": "A red field",
    }
    url = reverse("admin:timeline_event_change", args=[event.pk])
    assert admin_client.post(url, {**form, "upload": picture()}).status_code == 302
    event.refresh_from_db()
    assert f'<img src="{event.image.url}"' in admin_client.get(url).content.decode()

    stored = Image.open(in_memory.open(event.image.name))
    assert stored.size == (1600, 800) and not stored.getexif()
    assert all(in_memory.exists(images.variant_name(event.image.name, w)) for w in (480, 960))
    content = client.get(event.timeline.get_absolute_url()).content.decode()
    srcset = re.search(r'srcset="([^"]+)"', content).group(1)
    assert srcset == event.image_srcset
    for candidate in srcset.split(", "):
        address, width = candidate.split(" ")
        response = client.get(address)
        assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
        served = Image.open(io.BytesIO(b"".join(response.streaming_content)))
        assert served.width == int(width.removesuffix("w"))

    assert admin_client.post(url, {**form, "remove_image": "on"}).status_code == 302
    assert in_memory.listdir("events") == ([], [])


def test_an_image_in_a_bucket_keeps_the_buckets_address(settings, client):
    use_storage(
        settings,
        "django.core.files.storage.InMemoryStorage",
        base_url="https://media.example.org/timeline/",
    )
    settings.TIMELINE_SITE_URL = "https://timeline.example.org"
    event = EventFactory()
    images.attach(event, picture(), alt="A red field")
    assert event.image.url.startswith("https://media.example.org/timeline/events/")

    page = client.get(event.timeline.get_absolute_url()).content.decode()
    assert f'src="{event.image.url}"' in page
    api = client.get(f"/api/v1/timelines/{event.timeline.slug}/events/").json()
    assert api["results"][0]["image"]["url"] == event.image.url


def test_uploads_named_alike_keep_their_own_files_on_a_storage_that_overwrites(settings, tmp_path):
    # S3 storage replaces a file saved under a taken name unless told otherwise;
    # Django's file system storage does the same when allowed to overwrite.
    use_storage(
        settings,
        "django.core.files.storage.FileSystemStorage",
        location=str(tmp_path / "bucket"),
        allow_overwrite=True,
    )
    first, second = EventFactory(), EventFactory()
    images.attach(first, picture(), alt="First")
    images.attach(second, picture(size=(1200, 600)), alt="Second")
    assert first.image.name != second.image.name
    storage = storages["default"]
    assert Image.open(storage.open(first.image.name)).size == (1600, 800)

    images.detach(second)
    assert storage.exists(first.image.name)
    assert all(storage.exists(images.variant_name(first.image.name, w)) for w in (480, 960))


def test_the_media_view_serves_only_what_the_storage_holds(client):
    event = EventFactory()
    images.attach(event, picture("PNG", size=(300, 200), exif=False), alt="A red field")
    assert client.get(event.image.url)["Content-Type"] == "image/png"
    assert client.get("/media/events/missing.png").status_code == 404
    assert client.get("/media/..%2Fmanage.py").status_code == 404
    assert client.get("/media/events").status_code == 404
    assert client.post(event.image.url).status_code == 405


S3_PROBE = (
    "from django.conf import settings; "
    "print(settings.STORAGES['default']); "
    "print(settings.SECURE_CSP['img-src']); "
    "print(settings.TIMELINE_SERVE_MEDIA)"
)


def test_a_bucket_from_the_environment_stores_images_through_django_storages():
    result = manage(
        "shell",
        "-c",
        S3_PROBE,
        TIMELINE_MEDIA_S3_BUCKET="timeline-media",
        TIMELINE_MEDIA_S3_DOMAIN="media.example.org",
        TIMELINE_MEDIA_S3_ENDPOINT_URL="https://s3.example.net",
    )
    assert result.returncode == 0, result.stderr
    storage, img_src, serve = result.stdout.splitlines()[-3:]
    storage = ast.literal_eval(storage)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "timeline-media"
    assert storage["OPTIONS"]["custom_domain"] == "media.example.org"
    assert storage["OPTIONS"]["endpoint_url"] == "https://s3.example.net"
    assert storage["OPTIONS"]["querystring_auth"] is False
    assert storage["OPTIONS"]["file_overwrite"] is False
    assert "https://media.example.org" in img_src
    assert serve == "False"


def test_without_a_bucket_images_stay_on_the_file_system():
    result = manage("shell", "-c", S3_PROBE)
    assert result.returncode == 0, result.stderr
    storage, img_src, serve = result.stdout.splitlines()[-3:]
    assert "FileSystemStorage" in storage and "https://" not in img_src and serve == "True"


def test_a_bucket_needs_the_public_host_readers_fetch_images_from():
    result = manage("check", TIMELINE_MEDIA_S3_BUCKET="timeline-media")
    assert result.returncode != 0
    assert "TIMELINE_MEDIA_S3_DOMAIN must name the public host" in result.stderr
