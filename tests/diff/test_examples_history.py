"""A realistic history of the examples, and the pull-request comment it gives.

Three commits on a copy of examples/ in a temporary repository, as a CX team would make
them after a pilot and a survey: the Markdown diff of the whole history is a snapshot,
and the README shows that same text, so a product manager reads there exactly what
`journeymap diff` prints.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, assert_snapshot, invoke

COMMITS: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "Retrait : créneaux d'une demi-heure et SMS de suivi (pilote de juin)",
        [
            (
                "meubles-web-retrait.yaml",
                "        text: Je choisis le retrait gratuit annoncé en 5 minutes, samedi à 10 h\n",
                "        text: Je choisis un créneau de retrait d’une demi-heure, samedi à 10 h\n",
            ),
            (
                "meubles-web-retrait.yaml",
                "      - id: arrivee-comptoir\n",
                "      - id: suivi-preparation\n"
                "        text: Je suis la préparation de ma commande par SMS\n"
                "        emotion: 1\n"
                "        touchpoints:\n"
                "          - channel: sms\n"
                "            name: SMS de suivi\n"
                "            owner: logistique\n"
                "            volume: 6500\n"
                "            metrics: {csat: 84}\n"
                "            delights:\n"
                "              - Je sais quand partir de chez moi\n"
                "      - id: arrivee-comptoir\n",
            ),
            (
                "meubles-web-retrait.yaml",
                "            name: Borne d’accueil\n            owner: magasin\n",
                "            name: Borne d’accueil\n            owner: logistique\n",
            ),
            (
                "meubles-web-retrait.yaml",
                "        emotion: -2\n        moment_of_truth: true\n",
                "        emotion: -1\n        moment_of_truth: true\n",
            ),
            (
                "meubles-web-retrait.yaml",
                '            metrics: {nps: -34, csat: 41, ces: 5.6, source: "Enquête SMS J+1, '
                'mars 2024 (n = 1 210)"}\n',
                '            metrics: {nps: -18, csat: 58, ces: 4.6, source: "Enquête SMS J+1, '
                'juin 2024 (n = 1 340)"}\n',
            ),
            (
                "meubles-web-retrait.yaml",
                "              - text: Le site promettait 5 minutes, "
                "j’ai attendu plus d’une heure\n",
                "              - text: Le créneau annonçait 30 minutes, j’ai attendu 45 minutes\n",
            ),
            (
                "meubles-web-retrait.yaml",
                "              - text: Personne ne peut me dire où en est la préparation de ma "
                "commande\n                category: support\n",
                "",
            ),
        ],
    ),
    (
        "Réclamations : plus d'appels depuis le pilote",
        [
            (
                "meubles-web-retrait.yaml",
                "            volume: 610\n            metrics: {csat: 55, ces: 4.8}\n",
                "            volume: 720\n            metrics: {csat: 49, ces: 5.1}\n",
            ),
            (
                "meubles-web-retrait.yaml",
                "              - text: Aucun geste commercial pour le second déplacement\n",
                "              - text: Le délai de livraison du colis manquant n’est pas annoncé\n"
                "                category: process\n"
                "              - text: Aucun geste commercial pour le second déplacement\n",
            ),
        ],
    ),
    (
        "Veste : un conseiller humain sur le clavardage, enquête de décembre",
        [
            (
                "veste-hiver.yaml",
                "        text: Je pose une question sur la doublure par clavardage\n"
                "        emotion: 0\n",
                "        text: Je pose une question sur la doublure par clavardage\n"
                "        emotion: 1\n",
            ),
            (
                "veste-hiver.yaml",
                "            name: Assistant virtuel\n"
                "            owner: service-client\n"
                "            volume: 1400\n"
                "            metrics: {csat: 58, ces: 4.5}\n"
                "            irritants:\n"
                "              - text: L’assistant virtuel ne comprend pas ma question sur la "
                "doublure\n"
                "                category: support\n"
                "            breakpoints:\n"
                "              - text: L’assistant me renvoie vers un formulaire et une réponse "
                "par courriel sous 48 h\n"
                "                kind: forced\n"
                "                to: email\n",
                "            name: Conseiller en ligne\n"
                "            owner: service-client\n"
                "            volume: 1400\n"
                "            metrics: {csat: 79, ces: 2.6}\n"
                "            delights:\n"
                "              - Une conseillère me répond en deux minutes\n",
            ),
            (
                "veste-hiver.yaml",
                '            metrics: {csat: 86, nps: 45, source: "Enquête courriel J+1, '
                'novembre 2023"}\n',
                '            metrics: {csat: 79, nps: 38, source: "Enquête courriel J+1, '
                'décembre 2024"}\n'
                "            breakpoints:\n"
                "              - text: Le livreur ne sonne pas et le colis repart au dépôt\n"
                "                kind: forced\n"
                "                to: sms\n",
            ),
        ],
    ),
]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def history(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    repo = tmp_path / "cx-journeys"
    shutil.copytree(EXAMPLES, repo / "journeys")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "config", "user.email", "cx@example.com")
    _git(repo, "config", "user.name", "CX team")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "Journeys as of spring")
    _git(repo, "tag", "spring")
    for message, edits in COMMITS:
        for name, old, new in edits:
            path = repo / "journeys" / name
            text = path.read_text(encoding="utf-8")
            assert text.count(old) == 1, f"{name}: {old!r} is not in the example any more"
            path.write_text(text.replace(old, new), encoding="utf-8")
        _git(repo, "commit", "-q", "-am", message)
    monkeypatch.chdir(repo)
    return repo


def test_the_history_reads_as_a_pull_request_comment(history: Path) -> None:
    assert invoke("validate", "journeys").code == 0
    result = invoke("diff", "spring..HEAD", "--format", "markdown")
    assert result.code == 0, result.stderr
    assert_snapshot("diff/examples-history.md", result.stdout)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert result.stdout in readme, "README's diff example is stale: paste the snapshot"
    assert invoke("diff", "spring..HEAD", "--fail-on", "worse").code == 1
    assert invoke("diff", "HEAD~1..HEAD~1", "--exit-code").code == 0


def test_the_documented_workflow_runs_the_diff_it_posts(history: Path) -> None:
    """docs/journey-diff.yml's command, with the base branch named, on the history."""
    import shlex

    import yaml

    workflow = yaml.safe_load((ROOT / "docs" / "journey-diff.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["diff"]["steps"]
    (command,) = [s["run"] for s in steps if "journeymap diff" in s.get("run", "")]
    words = shlex.split(
        command.replace("${{ github.base_ref }}", "main").replace(
            "$JOURNEYS", workflow["env"]["JOURNEYS"]
        )
    )
    assert words[:2] == ["journeymap", "diff"]
    _git(history, "update-ref", "refs/remotes/origin/main", "spring")
    assert invoke(*words[1:]).code == 0
    posted = (history / "journey-diff.md").read_text(encoding="utf-8")
    assert posted.startswith("### Journey changes: `merge-base(origin/main, HEAD)` → `HEAD`")
    assert "4 worse, 7 better" in posted
