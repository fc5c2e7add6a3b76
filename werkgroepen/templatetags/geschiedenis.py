"""``{% geschiedenis_link obj %}``: the "Geschiedenis" link of a tracked record."""

from django import template
from django.urls import reverse
from django.utils.html import format_html

from kvo.geschiedenis import gevolgd

register = template.Library()


@register.simple_tag(takes_context=True)
def geschiedenis_link(context, obj, label: str = "Geschiedenis"):
    g = gevolgd(obj) if obj is not None and getattr(obj, "pk", None) else None
    werkgroep = context.get("werkgroep") or getattr(context.get("request"), "werkgroep", None)
    if g is None or werkgroep is None:
        return ""
    url = reverse("werkgroepen:geschiedenis", kwargs={"werkgroep": werkgroep.slug, "soort": g.soort, "pk": obj.pk})
    return format_html('<a class="knop knop--stil" href="{}">{}</a>', url, label)
