"""The CSV data package of the public directory: one CSV per HSDS table and a Frictionless datapackage.json.

The tables hold the same records as the JSON API (members/hsds/export.py), with the specification's columns;
every cell goes through `members.exports.neutralize()`, so that no spreadsheet runs one as a formula.
"""

import csv
import io
import json
import zipfile
from pathlib import Path

from django.urls import reverse
from django.utils import timezone

from ..exports import neutralize
from . import ATTRIBUTION, HSDS_VERSION, LICENCE_ID, LICENCE_NAME, LICENCE_URL
from .export import in_english, organization_detail, public_organizations

SPEC_DATAPACKAGE = json.loads((Path(__file__).parent / "spec_datapackage.json").read_text())
RESOURCES = {resource["name"]: resource for resource in SPEC_DATAPACKAGE["resources"]}


def columns(table: str) -> list[str]:
    return [field["name"] for field in RESOURCES[table]["schema"]["fields"]]


@in_english
def tables(base_url: str) -> dict[str, list[dict]]:
    """Every published record, one list of rows per HSDS table (two queries)."""
    rows = {name: [] for name in RESOURCES}
    for organization in public_organizations():
        record = organization_detail(organization, base_url, full_service=True)
        rows["organization"].append(record)
        rows["phone"] += record.get("phones", [])
        for place in record["locations"]:
            rows["location"].append(place)
            rows["address"] += place["addresses"]
        for service in record.get("services", []):
            rows["service"].append(service)
            rows["phone"] += service.get("phones", [])
            rows["schedule"] += service.get("schedules", [])
            rows["language"] += service.get("languages", [])
            rows["service_area"] += service.get("service_areas", [])
            rows["service_at_location"] += service.get("service_at_locations", [])
            for attribute in service.get("attributes", []):
                rows["attribute"].append(attribute)
                term = attribute["taxonomy_term"]
                rows["taxonomy_term"].append(term)
                rows["taxonomy"].append(term["taxonomy_detail"])
    for name in ("taxonomy_term", "taxonomy"):
        rows[name] = list({row["id"]: row for row in rows[name]}.values())
    return rows


def table_csv(table: str, rows: list[dict]) -> str:
    """One table as CSV with the specification's columns; every cell goes through `neutralize()`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    names = columns(table)
    writer.writerow(names)
    for row in rows:
        writer.writerow([neutralize(cell(row.get(name))) for name in names])
    return out.getvalue()


def cell(value):
    if value is None or isinstance(value, (list, dict)):
        return ""
    return value


def datapackage(base_url: str) -> dict:
    """The Frictionless data package description: the specification's resources, with the data's licence."""
    return {
        "name": "regional-ctip-network-directory",
        "title": f"{ATTRIBUTION}: directory of counter-trafficking organizations and services",
        "description": (
            "The public part of the network's directory in Afghanistan, Pakistan, Tajikistan, Turkmenistan and "
            f"Uzbekistan, as Open Referral HSDS {HSDS_VERSION}. No people, no members-only services, no street "
            "addresses."
        ),
        "profile": "tabular-data-package",
        "homepage": base_url + reverse("members:open-data"),
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "licenses": [{"name": LICENCE_ID, "title": LICENCE_NAME, "path": LICENCE_URL}],
        "contributors": [{"title": ATTRIBUTION, "role": "publisher", "path": base_url + "/"}],
        "hsds_version": SPEC_DATAPACKAGE["version"],
        "resources": list(RESOURCES.values()),
    }


def data_package(base_url: str) -> bytes:
    """The zip: datapackage.json and one CSV per table."""
    files = {"datapackage.json": json.dumps(datapackage(base_url), indent=1, ensure_ascii=False)}
    files.update((RESOURCES[table]["path"], table_csv(table, rows)) for table, rows in tables(base_url).items())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            entry = zipfile.ZipInfo(name, timezone.localtime().timetuple()[:6])
            entry.external_attr = 0o644 << 16  # readable by all once unpacked (the default is the owner only)
            archive.writestr(entry, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
