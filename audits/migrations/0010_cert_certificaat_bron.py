import secrets

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import audits.models.certificaat


def publieke_ids(apps, schema_editor):
    Certificaat = apps.get_model("audits", "Certificaat")
    for c in Certificaat._base_manager.filter(publiek_id__isnull=True).only("pk"):
        Certificaat._base_manager.filter(pk=c.pk).update(publiek_id=secrets.token_urlsafe(32))


class Migration(migrations.Migration):
    dependencies = [
        ("audits", "0009_pdfa_ontvangstbewijs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="certificaat",
            name="bron",
            field=models.CharField(
                choices=[
                    ("instelling", "uitgegeven door de certificatie-instelling"),
                    ("werkgroep", "aangeleverd door de werkgroep"),
                ],
                default="instelling",
                max_length=12,
                verbose_name="bron",
            ),
        ),
        migrations.AddField(
            model_name="certificaat",
            name="publiek_id",
            field=models.CharField(editable=False, max_length=43, null=True),
        ),
        migrations.RunPython(publieke_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="certificaat",
            name="publiek_id",
            field=models.CharField(
                default=audits.models.certificaat.nieuw_publiek_id, editable=False, max_length=43, unique=True
            ),
        ),
        migrations.AddField(
            model_name="certificaat",
            name="logo",
            field=models.FileField(
                blank=True,
                max_length=300,
                upload_to=audits.models.certificaat.certificaat_pad,
                verbose_name="logo van de instelling",
            ),
        ),
        migrations.AddField(
            model_name="certificaat",
            name="bestand",
            field=models.FileField(
                blank=True,
                max_length=300,
                upload_to=audits.models.certificaat.certificaat_pad,
                verbose_name="certificaat (PDF)",
            ),
        ),
        migrations.AddField(
            model_name="certificaat",
            name="vastgelegd_door",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="historicalcertificaat",
            name="bestand",
            field=models.TextField(blank=True, max_length=300, verbose_name="certificaat (PDF)"),
        ),
        migrations.AddField(
            model_name="historicalcertificaat",
            name="bron",
            field=models.CharField(
                choices=[
                    ("instelling", "uitgegeven door de certificatie-instelling"),
                    ("werkgroep", "aangeleverd door de werkgroep"),
                ],
                default="instelling",
                max_length=12,
                verbose_name="bron",
            ),
        ),
        migrations.AddField(
            model_name="historicalcertificaat",
            name="logo",
            field=models.TextField(blank=True, max_length=300, verbose_name="logo van de instelling"),
        ),
        migrations.AddField(
            model_name="historicalcertificaat",
            name="publiek_id",
            field=models.CharField(
                db_index=True, default=audits.models.certificaat.nieuw_publiek_id, editable=False, max_length=43
            ),
        ),
        migrations.AddField(
            model_name="historicalcertificaat",
            name="vastgelegd_door",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
    ]
