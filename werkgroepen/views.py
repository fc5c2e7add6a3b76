from django.views.generic import TemplateView

from kvo.mixins import WerkgroepMixin


class WerkgroepHomeView(WerkgroepMixin, TemplateView):
    template_name = "werkgroepen/home.html"
