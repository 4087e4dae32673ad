"""The survey plan: where a journey lacks a recent metric, which question to ask, and when.

Feedback is collected right after the touchpoint it judges, while the customer remembers
it. The plan covers the moments of truth (they make or break the relationship) and the
touchpoints with high volume (most customers pass there), and keeps those with no metric
or none measured within the age limit. The metric follows what the touchpoint shows:

- the kind it was measured with before, so the series goes on;
- CES where effort is the problem: a breakpoint, a productivity or process irritant, or a
  phone or messaging channel (customers call or write because something did not work);
- NPS at a moment of truth after the purchase, where the relationship is judged;
- CSAT otherwise: satisfaction with that one interaction.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date

from journeymap.model.journey import Journey, Stage, Step, Touchpoint
from journeymap.model.quantities import parse_period

QUESTIONS = {
    "fr": {
        "nps": "Sur une échelle de 0 (pas du tout probable) à 10 (très probable), quelle est "
        "la probabilité que vous nous recommandiez à un proche ?",
        "csat": "Dans l'ensemble, êtes-vous satisfait(e) de {what} ? (de 1, pas du tout "
        "satisfait(e), à 5, très satisfait(e))",
        "ces": "Quel effort avez-vous dû fournir pour cette étape : « {step} » ? (de 1, très "
        "peu d'effort, à 7, énormément d'effort)",
    },
    "en": {
        "nps": "On a scale from 0 (not at all likely) to 10 (extremely likely), how likely "
        "are you to recommend us to a friend or colleague?",
        "csat": "Overall, how satisfied are you with {what}? (from 1, very dissatisfied, to "
        "5, very satisfied)",
        "ces": 'How much effort did you personally have to put in for this step: "{step}"? '
        "(from 1, very little effort, to 7, a great deal of effort)",
    },
    # The customer answers in the journey's language: the same three questions, with the
    # scale's ends named as surveys in each language name them.
    "es": {
        "nps": "En una escala de 0 (nada probable) a 10 (muy probable), ¿qué probabilidad "
        "hay de que nos recomiende a un amigo o colega?",
        "csat": "En general, ¿qué tan satisfecho/a está con {what}? (de 1, muy "
        "insatisfecho/a, a 5, muy satisfecho/a)",
        "ces": "¿Cuánto esfuerzo tuvo que hacer personalmente en este paso: «{step}»? (de 1, "
        "muy poco esfuerzo, a 7, muchísimo esfuerzo)",
    },
    "de": {
        "nps": "Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen "
        "weiterempfehlen? (von 0, äußerst unwahrscheinlich, bis 10, äußerst wahrscheinlich)",
        "csat": "Wie zufrieden sind Sie insgesamt mit {what}? (von 1, sehr unzufrieden, bis "
        "5, sehr zufrieden)",
        "ces": "Wie viel Aufwand mussten Sie persönlich für diesen Schritt betreiben: "
        "„{step}“? (von 1, sehr wenig Aufwand, bis 7, sehr viel Aufwand)",
    },
    "it": {
        "nps": "Su una scala da 0 (per niente probabile) a 10 (estremamente probabile), "
        "quanto è probabile che ci consigli a un amico o a un collega?",
        "csat": "Nel complesso, quanto è soddisfatto/a di {what}? (da 1, per niente "
        "soddisfatto/a, a 5, molto soddisfatto/a)",
        "ces": "Quanto impegno ha dovuto mettere personalmente in questo passaggio: «{step}»? "
        "(da 1, pochissimo impegno, a 7, moltissimo impegno)",
    },
    "pt": {
        "nps": "Numa escala de 0 (nada provável) a 10 (extremamente provável), qual a "
        "probabilidade de nos recomendar a um amigo ou colega?",
        "csat": "De um modo geral, qual o seu grau de satisfação com {what}? (de 1, muito "
        "insatisfeito/a, a 5, muito satisfeito/a)",
        "ces": "Quanto esforço teve de fazer pessoalmente nesta etapa: «{step}»? (de 1, muito "
        "pouco esforço, a 7, muitíssimo esforço)",
    },
    "nl": {
        "nps": "Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend of collega? "
        "(van 0, zeer onwaarschijnlijk, tot 10, zeer waarschijnlijk)",
        "csat": "Hoe tevreden bent u over het algemeen met {what}? (van 1, zeer ontevreden, "
        "tot 5, zeer tevreden)",
        "ces": "Hoeveel moeite moest u persoonlijk doen voor deze stap: ‘{step}’? (van 1, "
        "heel weinig moeite, tot 7, heel veel moeite)",
    },
}
HOW = {
    "fr": {
        "digital": "en ligne, juste après (bandeau ou écran de fin)",
        "physical": "par SMS ou e-mail le jour même",
        "phone": "en fin d'appel (SVI) ou par SMS dans l'heure",
        "messaging": "dans la conversation, à sa clôture",
        "social": "en message privé, à la clôture",
        "mail": "par e-mail le lendemain",
        "other": "au plus près de l'interaction",
    },
    "en": {
        "digital": "online, right after (banner or end screen)",
        "physical": "by text or email the same day",
        "phone": "at the end of the call (IVR) or by text within the hour",
        "messaging": "in the conversation, when it closes",
        "social": "by private message, when it closes",
        "mail": "by email the next day",
        "other": "as close to the interaction as possible",
    },
}
REASONS = {
    "fr": {
        "none": "aucune mesure",
        "stale": "mesure de {period} ({days} jours)",
        "undated": "mesure sans période",
        "mot": "moment de vérité",
        "volume": "volume élevé ({volume})",
    },
    "en": {
        "none": "no metric",
        "stale": "measured {period} ({days} days ago)",
        "undated": "metric without a period",
        "mot": "moment of truth",
        "volume": "high volume ({volume})",
    },
}


@dataclass(frozen=True, slots=True)
class PlanItem:
    journey: Journey
    stage: Stage
    step: Step
    touchpoint: Touchpoint
    why: str
    metric: str
    question: str
    when: str
    how: str


def _recency(touchpoint: Touchpoint, today: date, max_age: int, lang: str) -> str | None:
    """Why the touchpoint's figures are not recent, or None when they are."""
    words = REASONS[lang]
    metrics = touchpoint.metrics
    if metrics is None or not metrics.measured():
        return words["none"]
    if metrics.period is None:
        return words["undated"]
    bounds = parse_period(metrics.period)
    days = (today - bounds[1]).days if bounds else max_age + 1
    if days > max_age:
        return words["stale"].format(period=metrics.period, days=days)
    return None


def choose_metric(stage: Stage, step: Step, touchpoint: Touchpoint, kind: str) -> str:
    if touchpoint.metrics is not None and touchpoint.metrics.measured():
        return next(iter(touchpoint.metrics.measured()))
    effort = touchpoint.breakpoints or any(
        i.category in {"productivity", "process"} for i in touchpoint.irritants
    )
    if effort or kind in {"phone", "messaging"}:
        return "ces"
    if step.moment_of_truth and stage.phase == "after":
        return "nps"
    return "csat"


def survey_plan(
    journeys: list[Journey], today: date, max_age: int, min_volume: int | None
) -> list[PlanItem]:
    items = []
    for journey in journeys:
        # The question is the customer's, in the journey's language; the plan's other
        # words are the team's, in French or else in English, as its headers are.
        asked = journey.words_lang
        lang = "fr" if asked == "fr" else "en"
        volumes = [t.volume for _, t in journey.iter_touchpoints() if t.volume is not None]
        floor = (
            min_volume
            if min_volume is not None
            else (statistics.median(volumes) if volumes else None)
        )
        for ref, touchpoint in journey.iter_touchpoints():
            high = (
                floor is not None and touchpoint.volume is not None and touchpoint.volume >= floor
            )
            if not (ref.step.moment_of_truth or high):
                continue
            stale = _recency(touchpoint, today, max_age, lang)
            if stale is None:
                continue
            channel = journey.channel(touchpoint.channel)
            kind = channel.kind if channel else "other"
            metric = choose_metric(ref.stage, ref.step, touchpoint, kind)
            what = touchpoint.name or (channel.name if channel else touchpoint.channel)
            reasons = [REASONS[lang]["mot"]] if ref.step.moment_of_truth else []
            if high:
                reasons.append(REASONS[lang]["volume"].format(volume=touchpoint.volume))
            after = "après" if lang == "fr" else "after"
            items.append(
                PlanItem(
                    journey,
                    ref.stage,
                    ref.step,
                    touchpoint,
                    ", ".join([*reasons, stale]),
                    metric,
                    QUESTIONS[asked][metric].format(what=what, step=ref.step.text),
                    f"{after} '{ref.step.id}' ({ref.step.text})",
                    HOW[lang][kind],
                )
            )
    return items
