"""The one StreamBlock of body content shared by every page with a free-form body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Sản phẩm công nghiệp nông thôn tiêu biểu", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {"text": "Làng nghề là nơi giữ hồn quê.", "attribution": "Nghệ nhân"}


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        icon="pilcrow",
        label=_("Paragraph"),
        features=["bold", "italic", "link", "ol", "ul", "document-link"],
        template="blocks/paragraph_block.html",
        preview_value="<p>Cơ sở sản xuất mây tre đan xuất khẩu.</p>",
    )
    image = ImageBlock(label=_("Image"), template="blocks/image_block.html")
    quote = QuoteBlock()
