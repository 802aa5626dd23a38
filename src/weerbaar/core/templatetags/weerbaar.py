from django import forms, template

register = template.Library()

_CLASSES = {
    forms.Select: "utrecht-select",
    forms.Textarea: "utrecht-textarea",
    forms.CheckboxInput: "utrecht-checkbox",
}


@register.simple_tag
def widget(field):
    """Render a bound field's widget with NL Design System classes and ARIA links to its help
    text and errors, so screen readers announce them."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if field.errors:
        described.append(f"{field.auto_id}_error")
    css = next(
        (c for w, c in _CLASSES.items() if isinstance(field.field.widget, w)), "utrecht-textbox"
    )
    attrs = {"class": css}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
