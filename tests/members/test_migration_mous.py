"""Migration members/0013: each national network's MOU (three fields until then) becomes an agreement of the register."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("members", "0012_verified_services_referrals")]
AFTER = [("members", "0013_laws_agreements")]


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_put_back(django_db_setup, django_db_blocker):
    """Put back what the migrations created (countries, focus areas…) once this test has emptied the database:
    pytest-xdist may run other files after this one in the same database (see test_concurrent_connections.py)."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_networks_mou_becomes_an_agreement_with_its_status_history():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    network = old.get_model("members", "NationalNetwork").objects.create(
        country_id="AF",
        name="Afghanistan Network",
        name_en="Afghanistan Network",
        acronym="ANCTIP",
        mou_status="signed",
        mou_date=datetime.date(2019, 3, 1),
        mou_counterpart="High Commission on TIP",
    )
    old.get_model("members", "NationalNetwork").objects.create(country_id="TJ", name="Umed", acronym="Umed")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    agreements = list(new.get_model("members", "Agreement").objects.all())
    assert len(agreements) == 1  # a network without an MOU gets none
    agreement = agreements[0]
    assert agreement.title_en == "MOU between ANCTIP and High Commission on TIP"
    assert (agreement.kind, agreement.status, agreement.signed_on) == (
        "network_government", "signed", datetime.date(2019, 3, 1)
    )
    assert list(agreement.networks.values_list("pk", flat=True)) == [network.pk]
    assert list(agreement.countries.values_list("code", flat=True)) == ["AF"]
    change = new.get_model("members", "AgreementStatusChange").objects.get(agreement_id=agreement.pk)
    assert (change.status, change.date) == ("signed", datetime.date(2019, 3, 1))

    MigrationExecutor(connection).migrate(executor.loader.graph.leaf_nodes())
