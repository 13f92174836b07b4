"""Forms of the help center's pages."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tierdesk.knowledge.models import Section, Visibility
from tierdesk.teams.models import Team


class VoteForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("1", _("Yes")), ("0", _("No"))], coerce=lambda value: value == "1"
    )
    comment = forms.CharField(
        label=_("What was missing? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class TranslationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 16}), max_length=100_000
    )
    keywords = forms.CharField(label=_("Search keywords"), required=False, max_length=300)
    note = forms.CharField(label=_("Change note"), required=False, max_length=300)


class ArticleSettingsForm(forms.Form):
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Section.objects.select_related("category")
    )
    visibility = forms.ChoiceField(label=_("Visibility"), choices=Visibility.choices)
    team = forms.ModelChoiceField(
        label=_("Team"), queryset=Team.objects.filter(is_active=True), required=False
    )
    is_faq = forms.BooleanField(label=_("In the team's FAQ"), required=False)


class NewArticleForm(TranslationForm, ArticleSettingsForm):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)


class FileForm(forms.Form):
    file = forms.FileField(label=_("Image or file"))


class FromMessageForm(forms.Form):
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=Section.objects.select_related("category"), required=False
    )
