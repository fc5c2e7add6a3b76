"""The audit of a cycle (§5, §6): application and record, its deviations, the delivered document
set, the certificate (§7), and the auditor's time-limited access to one audit."""

from audits.models.audit import Afwijking, Audit, AuditorToegang
from audits.models.certificaat import Certificaat
from audits.models.documentenset import Documentenset
from audits.models.waardering import Ondertekenaar, Waardering

__all__ = ["Afwijking", "Audit", "AuditorToegang", "Certificaat", "Documentenset", "Ondertekenaar", "Waardering"]
