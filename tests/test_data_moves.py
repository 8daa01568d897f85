"""Moving an install between databases (SQLite to PostgreSQL) with dumpdata / loaddata.

The suite runs on both engines, so this round trip is proven on each; the
README gives the same commands for a real move.
"""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from timeline import demo, services
from timeline.models import Citation, Event, Proposal, Source, Timeline

pytestmark = pytest.mark.django_db(transaction=True)

# What a move carries: the app's data and history, users and groups. Content
# types and permissions are rebuilt by `migrate` on the new database.
# XML, not JSON: Django's JSON encoder cuts timestamps to milliseconds.
DUMP_ARGS = [
    "--format=xml",
    "--natural-foreign",
    "--natural-primary",
    "--exclude=contenttypes",
    "--exclude=auth.permission",
    "--exclude=admin.logentry",
    "--exclude=sessions",
    "--exclude=axes",
    "--exclude=django_tasks_database",
    # The exports' stored rows: made again by the first export (45 MB at 50,000 events).
    "--exclude=timeline.renderingblock",
]
MODELS = [Timeline, Source, Event, Citation, Proposal]


# Users travel by natural key (their username), so their ids may change.
USER_FIELDS = {Source: ["added_by"], Proposal: ["reviewed_by"]}


def snapshot() -> dict:
    state = {}
    for model in MODELS:
        users = USER_FIELDS.get(model, [])
        fields = [f.attname for f in model._meta.concrete_fields if f.name not in users]
        fields += [f"{name}__username" for name in users]
        rows = model.objects.values(*fields)
        state[model.__name__] = sorted((tuple(sorted(r.items())) for r in rows), key=repr)
        state[f"{model.__name__} history"] = model.history.count()
    state["users"] = sorted(User.objects.values_list("username", "password", "is_staff"))
    state["editors"] = sorted(Group.objects.get(name="Editors").user_set.values_list("username"))
    return state


def test_dumpdata_then_loaddata_loses_nothing(tmp_path):
    editor = User.objects.create_user("ayse", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    timeline = demo.load(user=editor)
    source = timeline.sources.first()
    services.reject(proposal=Proposal.objects.pending().first(), user=editor)
    before = snapshot()
    assert before["Event"] and before["Citation"] and before["Proposal"]

    dump = tmp_path / "timeline.xml"
    call_command("dumpdata", *DUMP_ARGS, output=str(dump), verbosity=0)
    for model in [Proposal, Citation, Event, Source, Timeline]:
        model.objects.all().delete()
        model.history.all().delete()
    User.objects.all().delete()
    assert not Source.objects.exists()

    call_command("loaddata", str(dump), verbosity=0, stdout=io.StringIO())
    assert snapshot() == before
    assert Source.objects.get(pk=source.pk).content_hash == source.content_hash
