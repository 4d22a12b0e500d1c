from django.urls import path

from . import views

urlpatterns = [
    path("<int:page_id>/", views.inquiry, name="inquiry"),
    path("<int:page_id>/da-gui/", views.inquiry_sent, name="inquiry_sent"),
]
