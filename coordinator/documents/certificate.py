"""(being written) The certificate document."""

from __future__ import annotations

from coordinator.documents.job import Document, Job
from coordinator.documents.page import styles
from coordinator.documents.scope import Scope
from reportlab.platypus import Paragraph


def build(session, scope: Scope, job: Job) -> Document:
    st = styles()
    return Document(title="certificate", story=[Paragraph(scope.describe(), st.title)])
