"""A picture of too many pixels is refused at upload, before anything decodes it: a small PNG
of a hundred megapixels must not take a worker's memory (catalog.base.images)."""

import io
import json
import shutil
import struct
import warnings
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.servers import django_process

HUGE = (11000, 11000)  # 121 megapixels, three times the limit


def png(width, height):
    """A black RGB PNG, compressed row by row so that making it takes no memory: a 121
    megapixel one is about 350 KB, well under the upload limit, and decodes to 480 MB."""
    row = b"\0" * (1 + 3 * width)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(height)) + packer.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def huge_png():
    data = png(*HUGE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
        assert PILImage.open(io.BytesIO(data)).size == HUGE
    return data


def upload(data, name="anh.png"):
    return SimpleUploadedFile(name, data, content_type="image/png")


@pytest.mark.django_db
def test_the_upload_form_says_so_next_to_the_field_and_saves_nothing(admin_client, huge_png):
    root = Collection.get_first_root_node()
    data = {"title": "Ảnh quá lớn", "file": upload(huge_png), "collection": root.pk}
    response = admin_client.post(reverse("wagtailimages:add"), data)
    errors = response.context["form"].errors.as_data()
    assert [error.code for error in errors["file"]] == ["file_too_many_pixels"]
    assert "121000000" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_the_multiple_uploader_refuses_it_too(admin_client, huge_png):
    root = Collection.get_first_root_node()
    data = {"files[]": upload(huge_png), "collection": root.pk}
    answer = admin_client.post(reverse("wagtailimages:add_multiple"), data).json()
    assert answer["success"] is False
    assert "121000000" in answer["error_message"]
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_a_picture_within_the_limit_is_saved(admin_client):
    root = Collection.get_first_root_node()
    data = {"title": "Ảnh nhỏ", "file": upload(png(640, 480)), "collection": root.pk}
    response = admin_client.post(reverse("wagtailimages:add"), data)
    assert response.status_code == 302
    assert get_image_model().objects.get().width == 640


UPLOAD = """
import json, re, sys
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

data = {"title": "Ảnh quá lớn", "collection": Collection.get_first_root_node().pk}
upload = SimpleUploadedFile("anh.png", sys.stdin.buffer.read(), content_type="image/png")
form = get_image_form(get_image_model())(data, {"file": upload})
def peak_kb():  # not ru_maxrss, which keeps the parent's peak across exec
    with open("/proc/self/status") as status:
        return int(re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1))

before = peak_kb()
form.is_valid()
grown = peak_kb() - before
codes = [error.code for error in form.errors.as_data().get("file", [])]
print(json.dumps({"codes": codes, "grown_kb": grown}))
"""


@pytest.mark.django_db  # so that the suite's test database exists for `sqlite_file` to copy
def test_refusing_it_takes_no_memory(huge_png, sqlite_file, tmp_path):
    """The admin's image form in a process of its own, whose peak memory is the upload's:
    with Wagtail's own check, made after decoding the picture, it grew by about 460 MB."""
    database = tmp_path / "catalog.sqlite3"
    shutil.copy(sqlite_file, database)
    done = django_process(
        "-c", UPLOAD, input=huge_png, text=False,
        DJANGO_SETTINGS_MODULE="catalog.settings.test", SQLITE_PATH=str(database),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    result = json.loads(done.stdout)
    assert result["codes"] == ["file_too_many_pixels"]
    assert result["grown_kb"] < 50_000
