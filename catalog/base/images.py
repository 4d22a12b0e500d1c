"""Image uploads whose memory is bounded by their pixel count, not only by their file size.

Wagtail refuses a picture over WAGTAILIMAGES_MAX_IMAGE_PIXELS only after Willow has decoded
all of it to read its size, so a small PNG of a hundred megapixels still takes a worker's
memory. The size is read from the file's header first (Pillow opens lazily), and a picture
with too many pixels is refused before anything decodes it.
"""

import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class PixelCheckedImageField(WagtailImageField):
    def to_python(self, data):
        if hasattr(data, "seek") and self.max_image_pixels:
            self.check_header_pixels(data)
        return super().to_python(data)

    def check_header_pixels(self, data):
        position = data.tell()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                width, height = PILImage.open(data).size
        except PILImage.DecompressionBombError:
            width, height = None, None  # so many that Pillow will not even open it
        except Exception:  # noqa: BLE001 - not a picture Pillow reads: Wagtail's checks say so
            return
        finally:
            data.seek(position)
        if width is None or width * height > self.max_image_pixels:
            pixels = _("unknown number") if width is None else width * height
            message = self.error_messages["file_too_many_pixels"]
            raise ValidationError(
                message % {"num_pixels": pixels, "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )


class ImageForm(BaseImageForm):
    """Every image form of the admin (upload, multiple upload, chooser, edit), by
    WAGTAILIMAGES_IMAGE_FORM_BASE: Wagtail's, with the file field checked as above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if type(self.fields.get("file")) is WagtailImageField:
            # Wagtail builds the field (label, limits, messages, widget); only its checks
            # change, so the instance takes the subclass rather than being rebuilt.
            self.fields["file"].__class__ = PixelCheckedImageField
