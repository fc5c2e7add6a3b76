"""The same rules on S3 as on the local disk (django-storages against moto's in-process S3): files
are stored privately under unguessable names, handed out only by views that check the work group,
and no page shows a storage URL."""

import boto3
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto import mock_aws

from werkgroepen.models import Document

BUCKET = "kvo-media-test"


@pytest.fixture
def s3(settings, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "test")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    with mock_aws():
        klant = boto3.client("s3", region_name="eu-west-1")
        klant.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {"bucket_name": BUCKET, "region_name": "eu-west-1", "querystring_auth": True,
                            "file_overwrite": False},
            },
        }  # fmt: skip
        yield klant


def url(naam, slug="de-hoek", **kwargs):
    return reverse(f"werkgroepen:{naam}", kwargs={"werkgroep": slug, **kwargs})


def test_document_op_s3_alleen_via_de_werkgroep(actoren, als, s3):
    client = als(actoren.lid)
    r = client.post(
        url("document_nieuw"),
        {"titel": "Notulen", "bestand": SimpleUploadedFile("Notulen mei.txt", b"vertrouwelijk", "text/plain")},
    )
    assert r.status_code == 302
    versie = Document.objects.get(titel="Notulen").versies.get()
    assert type(default_storage._wrapped).__name__ == "S3Storage"

    # stored in the bucket, under an unguessable name, privately
    sleutels = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert sleutels == [versie.bestand.name] and "Notulen" not in versie.bestand.name
    acl = s3.get_object_acl(Bucket=BUCKET, Key=versie.bestand.name)
    assert all(g["Grantee"].get("Type") == "CanonicalUser" for g in acl["Grants"])  # no AllUsers grant
    assert "Signature=" in versie.bestand.url and "Expires=" in versie.bestand.url  # only signed, expiring URLs

    # the member downloads it through the work group; another group gets 404 with the exact URL
    download = client.get(url("document_download", pk=versie.document_id, versie=1))
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"vertrouwelijk"
    vreemde = als(actoren.vreemde)
    assert vreemde.get(url("document_download", pk=versie.document_id, versie=1)).status_code == 404
    assert vreemde.get(url("document_download", slug="andere-kant", pk=versie.document_id, versie=1)).status_code == 404

    # no page hands out the storage address
    pagina = client.get(url("documenten")).text
    assert BUCKET not in pagina and "amazonaws" not in pagina
