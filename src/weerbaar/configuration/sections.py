"""The policy data a functioneel beheerder keeps, one section per kind, on pages in the
product's own look (not the Django admin). A section names its model, its form, what the
list shows and the permission that opens it; the views and the one write service
(``services.setting_save``) are written once for all of them."""

from dataclasses import dataclass, field

from django import forms
from django.utils.translation import gettext_lazy as _

from weerbaar.accounts.models import Team
from weerbaar.cases.models import CaseType
from weerbaar.configuration import forms as config_forms
from weerbaar.inspections.models import ChecklistItem as InspectionChecklistItem
from weerbaar.inspections.models import InspectionKind, PartnerKind
from weerbaar.intake.models import StandardText
from weerbaar.interventions.models import Instrument, PolicyRule
from weerbaar.police.models import Purpose
from weerbaar.privacy.models import ProcessingActivity
from weerbaar.screening.models import ChecklistItem, PermitKind
from weerbaar.signals.bulk import assignable_users
from weerbaar.signals.models import Phenomenon, RetentionRule, RoutingRule


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    intro: str
    model: type
    form: type[forms.ModelForm]
    columns: tuple[str, ...]
    search: tuple[str, ...] = ()
    can_add: bool = True
    can_remove: bool = False
    # A code other parts of the product rely on: set once, then fixed.
    fixed_after_create: tuple[str, ...] = ()
    order_by: tuple[str, ...] = field(default=())

    @property
    def permission(self) -> str:
        return f"{self.model._meta.app_label}.change_{self.model._meta.model_name}"

    @property
    def add_permission(self) -> str:
        return f"{self.model._meta.app_label}.add_{self.model._meta.model_name}"

    @property
    def delete_permission(self) -> str:
        return f"{self.model._meta.app_label}.delete_{self.model._meta.model_name}"


class InspectionKindForm(forms.ModelForm):
    class Meta:
        model = InspectionKind
        fields = ["code", "name", "yearly_target", "measure", "active"]


class PartnerKindForm(forms.ModelForm):
    class Meta:
        model = PartnerKind
        fields = ["code", "name", "order", "active"]


class InspectionChecklistItemForm(forms.ModelForm):
    class Meta:
        model = InspectionChecklistItem
        fields = ["partner_kind", "text", "order", "active"]


class StandardTextForm(forms.ModelForm):
    class Meta:
        model = StandardText
        fields = ["code", "title", "text", "active", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}


class RoutingRuleForm(forms.ModelForm):
    class Meta:
        model = RoutingRule
        fields = ["phenomenon", "area", "team", "analyst", "order", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["analyst"].queryset = assignable_users()
        self.fields["analyst"].label_from_instance = lambda u: u.get_full_name() or u.username


class PermitKindForm(forms.ModelForm):
    class Meta:
        model = PermitKind
        fields = [
            "code",
            "name",
            "requires_screening",
            "decision_weeks",
            "questionnaire_weeks",
            "authority",
            "active",
        ]


class ChecklistItemForm(forms.ModelForm):
    class Meta:
        model = ChecklistItem
        fields = ["code", "name", "description", "order", "active"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class TeamForm(forms.ModelForm):
    class Meta:
        model = Team
        fields = ["name", "description", "is_external"]


SECTIONS = {
    s.slug: s
    for s in (
        Section(
            slug="zaaktypen",
            title=_("Case types"),
            intro=_("The kinds of case, with their statuses, results and retention period."),
            model=CaseType,
            form=config_forms.CaseTypeForm,
            columns=("name", "code", "default_team", "retention_years", "active"),
            search=("name", "code"),
            fixed_after_create=("code",),
        ),
        Section(
            slug="fenomenen",
            title=_("Phenomena"),
            intro=_("The phenomena of ondermijning, and how the public form describes them."),
            model=Phenomenon,
            form=config_forms.PhenomenonForm,
            columns=("name", "code", "public", "order"),
            search=("name", "code"),
            fixed_after_create=("code",),
        ),
        Section(
            slug="maatregelen",
            title=_("Measures and their terms"),
            intro=_(
                "The legal basis and the terms of each measure; article numbers differ per "
                "municipality."
            ),
            model=Instrument,
            form=config_forms.InstrumentForm,
            columns=("name", "legal_basis", "opinion_weeks", "objection_weeks", "active"),
            search=("name", "legal_basis"),
            can_add=False,
        ),
        Section(
            slug="beleidsmatrix",
            title=_("Policy matrix"),
            intro=_("Which measure the policy suggests for premises, finding and offence."),
            model=PolicyRule,
            form=config_forms.PolicyRuleForm,
            columns=("policy", "premise_type", "finding", "offence", "measure", "duration_months"),
            search=("policy",),
            can_remove=True,
        ),
        Section(
            slug="bewaartermijnen",
            title=_("Retention periods"),
            intro=_(
                "How long each kind of record is kept, in days, and why; the retention job "
                "removes what is past its term every night. Cases follow their case type."
            ),
            model=RetentionRule,
            form=config_forms.RetentionRuleForm,
            columns=("name", "days", "reason"),
            can_add=False,
        ),
        Section(
            slug="verwerkingsregister",
            title=_("Processing register"),
            intro=_(
                "The processing activities of the product (AVG art. 30): purpose, legal basis, "
                "data, recipients and the retention terms that apply. The FG sees them beside "
                "what the product does in practice."
            ),
            model=ProcessingActivity,
            form=config_forms.ProcessingActivityForm,
            columns=("name", "legal_basis", "criminal_data", "active"),
            search=("name", "purpose"),
            fixed_after_create=("code",),
        ),
        Section(
            slug="routering",
            title=_("Routing rules"),
            intro=_(
                "Which team and analyst a new signal is proposed to, by phenomenon and area; "
                "the most specific rule wins."
            ),
            model=RoutingRule,
            form=RoutingRuleForm,
            columns=("phenomenon", "area", "team", "analyst", "order", "active"),
            search=("area",),
            can_remove=True,
        ),
        Section(
            slug="standaardteksten",
            title=_("Standard texts"),
            intro=_("The standard messages an officer chooses when answering a reporter."),
            model=StandardText,
            form=StandardTextForm,
            columns=("title", "code", "active", "order"),
            search=("title", "text"),
            fixed_after_create=("code",),
        ),
        Section(
            slug="controlesoorten",
            title=_("Inspection kinds"),
            intro=_("The kinds of inspection and address check, with their yearly targets."),
            model=InspectionKind,
            form=InspectionKindForm,
            columns=("name", "code", "yearly_target", "measure", "active"),
            search=("name",),
            fixed_after_create=("code",),
        ),
        Section(
            slug="controlepartners",
            title=_("Inspection partners"),
            intro=_("The partners that take part in inspections, each with a checklist."),
            model=PartnerKind,
            form=PartnerKindForm,
            columns=("name", "code", "order", "active"),
            search=("name",),
            fixed_after_create=("code",),
        ),
        Section(
            slug="controlechecklists",
            title=_("Inspection checklists"),
            intro=_("What each partner checks on site, in order."),
            model=InspectionChecklistItem,
            form=InspectionChecklistItemForm,
            columns=("partner_kind", "text", "order", "active"),
            search=("text",),
            can_remove=True,
        ),
        Section(
            slug="politie-doelen",
            title=_("Police information: purposes"),
            intro=_(
                "The purposes police information is provided for (Wpg art. 7) and the roles "
                "that read what is given for each, on the cases they work on."
            ),
            model=Purpose,
            form=config_forms.PurposeForm,
            columns=("name", "code", "active"),
            search=("name", "code"),
            fixed_after_create=("code",),
        ),
        Section(
            slug="teams",
            title=_("Teams"),
            intro=_("The municipality's teams and the partners' teams; members are set per user."),
            model=Team,
            form=TeamForm,
            columns=("name", "is_external"),
            search=("name",),
        ),
        Section(
            slug="bibob-vergunningen",
            title=_("Bibob: permit kinds"),
            intro=_(
                "The kinds of application of the Bibob policy, whether the policy requires a "
                "screening, and the application's decision term."
            ),
            model=PermitKind,
            form=PermitKindForm,
            columns=("name", "code", "requires_screening", "decision_weeks", "authority", "active"),
            search=("name", "code"),
            fixed_after_create=("code",),
        ),
        Section(
            slug="bibob-checklist",
            title=_("Bibob: checklist of the own investigation"),
            intro=_("The points the own investigation of a Bibob screening covers."),
            model=ChecklistItem,
            form=ChecklistItemForm,
            columns=("name", "code", "order", "active"),
            search=("name",),
            fixed_after_create=("code",),
        ),
    )
}


def get(slug: str) -> Section | None:
    return SECTIONS.get(slug)
