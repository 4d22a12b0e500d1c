"""Inviting and removing producer accounts; moderation of their changes and its notices."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, WorkflowState

from products.models import ProducerTeam, ProductPage
from products.producer_access import invite, revoke, setup_roles

from .conftest import edit_form_data

pytestmark = pytest.mark.django_db


def invite_by_command(catalog, mailoutbox):
    producer = catalog["producers"]["chu"]
    call_command("invite_producer", str(producer.pk), "Chu@MyChu.vn", first_name="Chu")
    user = get_user_model().objects.get(email="Chu@mychu.vn")
    assert not user.has_usable_password()
    team = ProducerTeam.objects.get(producer=producer)
    assert list(user.groups.all()) == [team.group]
    perms = GroupPagePermission.objects.filter(group=team.group)
    assert {(p.page_id, p.permission.codename) for p in perms} == {
        (producer.pk, "add_page"),
        (producer.pk, "change_page"),
    }
    assert team.collection is not None
    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.has_perm("products.manage_registration")
    (message,) = mailoutbox
    assert message.to == ["Chu@mychu.vn"]
    link = re.search(r"http://\S+/admin/password_reset/confirm/\S+/", message.body).group(0)
    return user, link


def test_invitation_creates_the_account_group_permissions_and_collection(catalog, mailoutbox):
    user, link = invite_by_command(catalog, mailoutbox)
    assert link.startswith("http://")


def test_the_link_sets_a_password_once(catalog, mailoutbox, client):
    user, link = invite_by_command(catalog, mailoutbox)
    path = link.split("127.0.0.1:8000", 1)[1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    new = "Mỳ-Chũ-ngon-2024"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(new)
    client.logout()
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert response.context["validlink"] is False


def test_inviting_twice_links_the_same_account_and_a_second_producer(catalog, mailoutbox):
    chu, may = catalog["producers"]["chu"], catalog["producers"]["may"]
    user, created, _link = invite(chu, "ban@example.vn")
    again, created_again, _link = invite(chu, "ban@example.vn")
    assert created
    assert not created_again
    assert again == user
    invite(may, "ban@example.vn")
    assert user.groups.count() == 2


def test_revocation_is_one_action(catalog, mailoutbox, client):
    chu = catalog["producers"]["chu"]
    user, _c, _l = invite(chu, "a@mychu.vn")
    call_command("revoke_producer", chu.slug)
    user.refresh_from_db()
    assert not user.groups.exists()
    assert not user.is_active
    client.force_login(user)
    assert client.get(f"/admin/pages/{chu.pk}/edit/").status_code == 302  # to the login page


def test_revoking_one_producer_keeps_the_others(catalog, mailoutbox):
    chu, may = catalog["producers"]["chu"], catalog["producers"]["may"]
    user, _c, _l = invite(chu, "ban@example.vn")
    invite(may, "ban@example.vn")
    revoke(chu, user)
    user.refresh_from_db()
    assert user.is_active
    assert [g.producer_team.producer_id for g in user.groups.all()] == [may.pk]


def test_editors_invite_and_revoke_from_the_producer_page_in_the_admin(world, client):
    url = f"/admin/producer-access/{world.a_producer.pk}/"
    client.force_login(world.a)
    # The view's refusal, as Wagtail answers PermissionDenied: back to the dashboard. (A 302
    # alone would not do: a successful invitation also redirects, back to this view.)
    for response in (client.get(url), client.post(url, {"action": "invite", "email": "x@x.vn"})):
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    assert not get_user_model().objects.filter(email="x@x.vn").exists()
    client.force_login(world.editor)
    page = client.get(f"/admin/pages/{world.a_producer.pk}/edit/").content.decode()
    assert url in page  # the header button
    response = client.get(url)
    assert response.status_code == 200
    assert "a@mychu.vn" in response.content.decode()
    response = client.post(url, {"action": "invite", "email": "moi@mychu.vn"})
    assert response.status_code == 302
    new = get_user_model().objects.get(email="moi@mychu.vn")
    assert new.groups.get().producer_team.producer_id == world.a_producer.pk
    client.post(url, {"action": "revoke"})
    assert not world.a_producer.team.group.user_set.exists()


def test_setup_roles_is_idempotent(catalog):
    first = setup_roles()
    assert setup_roles() == first
    call_command("setup_roles")


# --- moderation ----------------------------------------------------------------------------


def submit_as(client, user, page, **changes):
    client.force_login(user)
    data = edit_form_data(client, page)
    data.update(changes)
    data["action-submit"] = "1"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    return WorkflowState.objects.for_instance(Page.objects.get(pk=page.pk)).get(
        status=WorkflowState.STATUS_IN_PROGRESS
    )


def act(client, editor, page, state, action, comment=""):
    client.force_login(editor)
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{state.current_task_state.pk}/"
    response = client.post(url, {"comment": comment})
    assert response.status_code in (200, 302), response.content[:500]


def test_an_approved_change_goes_live_and_the_producer_is_told(world, client, mailoutbox):
    state = submit_as(client, world.a, world.a_product, title="Mỳ Chũ gạo bao thai mới")
    assert Page.objects.get(pk=world.a_product.pk).title == "Mỳ Chũ gạo bao thai"
    mailoutbox.clear()
    act(client, world.editor, world.a_product, state, "approve", "Tốt")
    assert Page.objects.get(pk=world.a_product.pk).title == "Mỳ Chũ gạo bao thai mới"
    assert any(m.to == ["a@mychu.vn"] for m in mailoutbox), [m.to for m in mailoutbox]


def test_a_rejected_change_stays_off_and_its_comment_reaches_the_producer(
    world, client, mailoutbox
):
    state = submit_as(client, world.a, world.a_product, title="Tên không đúng")
    mailoutbox.clear()
    act(client, world.editor, world.a_product, state, "reject", "Tên phải giữ như hồ sơ")
    assert Page.objects.get(pk=world.a_product.pk).title == "Mỳ Chũ gạo bao thai"
    assert any(m.to == ["a@mychu.vn"] for m in mailoutbox)
    client.force_login(world.a)
    dashboard = client.get("/admin/").content.decode()
    assert "Tên phải giữ như hồ sơ" in dashboard
    assert 'data-status="rejected"' in dashboard
    assert world.b_product.title not in dashboard


def test_the_dashboard_shows_as_pages_only(world, client):
    submit_as(client, world.a, world.a_product, title="Mỳ đang chờ duyệt")
    client.force_login(world.a)
    dashboard = client.get("/admin/").content.decode()
    assert 'data-status="in_moderation"' in dashboard
    assert world.a_producer.title in dashboard
    assert world.b_producer.title not in dashboard


def test_a_producer_cannot_approve_their_own_submission(world, client):
    state = submit_as(client, world.a, world.a_product, title="Tự duyệt")
    client.force_login(world.a)
    url = (
        f"/admin/pages/workflow/action/{world.a_product.pk}/approve/{state.current_task_state.pk}/"
    )
    client.post(url, {"comment": ""})
    assert Page.objects.get(pk=world.a_product.pk).title == "Mỳ Chũ gạo bao thai"
    assert ProductPage.objects.get(pk=world.a_product.pk).workflow_in_progress


def test_the_links_use_the_configured_base_url(catalog, mailoutbox, settings):
    """`make demo PORT=8651` exports WAGTAILADMIN_BASE_URL=http://127.0.0.1:8651: the printed
    and the e-mailed link both lead there, not to port 8000."""
    import io

    from django.core.management import call_command

    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8651/"
    out = io.StringIO()
    call_command(
        "invite_producer", str(catalog["producers"]["chu"].pk), "port@mychu.vn", stdout=out
    )
    printed = re.search(r"http://\S+", out.getvalue()).group(0)
    (message,) = mailoutbox
    mailed = re.search(r"http://\S+/admin/password_reset/confirm/\S+/", message.body).group(0)
    for link in (printed, mailed):
        assert link.startswith("http://127.0.0.1:8651/admin/password_reset/confirm/")


def test_make_demo_configures_the_base_url_with_its_port():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    assert "demo: export WAGTAILADMIN_BASE_URL := http://127.0.0.1:$(PORT)" in makefile


def test_producer_accounts_is_a_visible_header_button_for_editors_only(world, client):
    """One click from the producer's page, not folded under the header's "…" menu."""
    url = f"/admin/producer-access/{world.a_producer.pk}/"
    edit = f"/admin/pages/{world.a_producer.pk}/edit/"
    client.force_login(world.editor)
    html = client.get(edit).content.decode()
    header = html[html.index("w-slim-header") : html.index("</header>")]
    button = header[header.index("producer-access-button") - 200 : header.index(url) + 200]
    assert "w-header-button" in button
    assert header.index(url) < header.index("dots-horizontal")  # before the "…" menu
    assert header.count(url) == 1
    client.force_login(world.a)
    response = client.get(edit)  # the producer's own page
    assert response.status_code == 200
    html = response.content.decode()
    assert "producer-access-button" not in html
    assert url not in html
