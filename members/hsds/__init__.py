"""The public directory as open data in Open Referral's Human Services Data Specification (HSDS) 3.0.

`export` turns what the public sees (organizations in the public directory, their services open to the public)
into HSDS objects for the JSON API at /open-data/hsds/ and the CSV data package; `importer` reads an HSDS data
package into the directory (manage.py import_hsds). No person, no members-only service and no street address is
ever exported: a location is a city.

Identifiers are UUIDs derived from the primary keys (uuid5 in a namespace of the portal's own), so they stay the
same from one export to the next without being stored.

spec_datapackage.json is the specification's own (https://github.com/openreferral/specification, branch 3.0),
licensed CC BY-SA 4.0: "Human Services Data Specification: an Open Referral resource (https://openreferral.org/)".
"""

import hashlib
import uuid
from functools import lru_cache

HSDS_VERSION = "3.0"
SPEC_OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"

# The directory's own data is published under this licence, crediting the network.
LICENCE_ID = "CC-BY-4.0"
LICENCE_NAME = "Creative Commons Attribution 4.0 International (CC BY 4.0)"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Regional CTIP Network"

# Never change it: every published identifier is derived from it.
NAMESPACE = uuid.UUID("63c4605b-3a66-4b39-b62f-d5586845ead8")


@lru_cache(maxsize=100_000)
def uid(kind: str, *parts) -> str:
    """The published identifier of a record: str(uuid5(NAMESPACE, "kind:part:…")), e.g. uid("organization", 12).

    Computed with hashlib directly (as uuid.uuid5 does, twice as fast) and remembered: finding a record by its
    identifier compares it with the identifier of every visible record.
    """
    name = ":".join([kind, *map(str, parts)])
    digest = bytearray(hashlib.sha1(NAMESPACE.bytes + name.encode(), usedforsecurity=False).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
