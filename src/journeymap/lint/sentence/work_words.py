"""The words the back-office reading knows, per language: objects, actions, actors."""

from __future__ import annotations

import re

from journeymap.lint.sentence.lemmas import agent_noun
from journeymap.lint.sentence.tokens import Lang, lex
from journeymap.lint.sentence.voice_words import CUSTOMER_NOUNS

# Back-office work is read from four kinds of signs, each weighed; two points make a
# step internal:
#   2  the back office's own objects and jargon (stock, supplier, KYC, reporting, a lead)
#   2  a back-end system or a staff member doing the work ("The CDN serves", "Le
#      gestionnaire saisit", "par le gestionnaire"), or a phrase that says so
#      ("behind the scenes", "en interne")
#   1  a processing action, in any form (valider, validation, validé; review, reviewed):
#      the customer does some of these too ("Je vérifie", "Review order"), so one is
#      not enough
#   1  the seller's side of things (sales, alerts, thresholds, a team) or a passive
#      whose agent is unnamed ("Payment is processed")
# A step in the customer's first person or about the customer from outside is the
# customer's own, and one that speaks to the customer ("vous", "you") is something the
# customer sees: only jargon gives those away.

STRONG_NOUNS = {
    "fr": lex(
        "backoffice middleoffice kyc lcbft stock stocks inventaire logs log "
        "audit monitoring fournisseur fournisseurs reporting kpi kpis statistiques batch "
        "workflow habilitation habilitations dispatch provisioning sla synchronisation "
        "escalade bannette quart crm erp archivage backend cache rapport rapports "
        "lead leads backlog enrichissement "
        # the seller's tools and records, supply, staff scheduling, product development
        "template templates gabarit gabarits pipeline entrepot reapprovisionnement "
        "conformite comptabilite prospection paie bugs bug prototype prototypes mvp sprint "
        # the seller's view of customers and goods, its indicators, control and coordination
        "prospect prospects marchandise marchandises etiquetage miseenrayon indicateurs "
        "scoring passation briefing"
    ),
    "en": lex(
        "backoffice kyc aml inventory stock logs audit monitoring supplier "
        "suppliers reporting kpi kpis analytics batch workflow provisioning sla escalation "
        "triage crm erp database cache backend pipeline royalty compliance "
        "underwriting lead leads backstage kitchen billing integrations orchestration "
        "backlog warehouse enrichment "
        "template templates deals payroll roster shift shifts replenishment restocking "
        "bugs bug prototype prototypes mvp sprint sprints codebase "
        "prospect prospects restock packingslip scoring handover briefing standup"
    ),
}
JARGON = lex("backoffice middleoffice kyc lcbft aml crm erp sla workflow")
BACKEND = {
    "fr": lex(
        "algorithme serveur robot batch workflow crm erp moteur modele api script planificateur"
    ),
    "en": lex(
        "algorithm server bot batch job workflow crm erp engine model database api cdn "
        "pipeline scheduler cron queue webhook worker"
    ),
}
BEHIND = {
    "fr": re.compile(r"\b(en interne|en coulisses?|cote back|hors de la vue)\b"),
    "en": re.compile(r"\b(behind the scenes|internally|back end|out of sight)\b"),
}
# Processing work is read from a compact list of roots: each verb's every form (saisit,
# saisissons, validé; reviewed, reviewing) and its deverbal noun (validation, traitement,
# archivage, clôture; approval, assessment, verification) are the same family, so
# "Validation commande", "Le dossier est validé" and "We validate" all meet "valider".
PROCESSING = {
    "fr": lex(
        "saisir traiter escalader router dispatcher affecter assigner archiver synchroniser "
        "reconcilier rapprocher provisionner habiliter auditer scorer enrichir indexer "
        "transmettre valider verifier controler qualifier extraire generer analyser exporter "
        "consulter identifier planifier piloter gerer collecter calculer detecter preparer "
        "evaluer configurer administrer instruire cloturer etudier examiner refuser rejeter "
        "miseajour attribuer optimiser orchestrer communiquer creer parametrer relancer "
        "approuver importer resoudre "
        # deciding on a file: the company decides, authorises, ranks and sorts
        "decider determiner autoriser prioriser categoriser statuer"
    ),
    "en": lex(
        "review process validate verify approve check assess investigate assign escalate "
        "route dispatch triage reconcile provision archive sync synchronize audit underwrite "
        "adjudicate detect compute calculate enrich index flag update extract map score "
        "qualify key screen generate analyze analyse implement deploy gather collect consult "
        "relay examine evaluate configure administer allocate reject match optimize optimise "
        "orchestrate communicate create monitor import resolve "
        "decide determine authorize authorise prioritize prioritise categorize categorise manage"
    ),
}
# The roots whose work is the back office's whoever reads them: a customer does not
# assign, escalate, dispatch or reconcile. One of these is a sign on its own.
ROUTING = {
    "fr": lex(
        "escalader router dispatcher affecter assigner reconcilier rapprocher provisionner "
        "habiliter auditer archiver qualifier attribuer"
    ),
    "en": lex(
        "assign escalate route dispatch triage reconcile provision underwrite adjudicate "
        "audit investigate allocate match"
    ),
}
# Work only the back office does, named as a noun: a headline such as "Génération
# rapport", "Planification actions", "Lead Qualification", "Endpoint assessment" or
# "Data processing" is one department's task, with no customer in it. The verb forms
# stay weak ("Generate a report" is also a user's command in a tool).
BACKOFFICE_NOMINALS = {
    "fr": lex(
        "traiter synchroniser archiver reconcilier rapprocher provisionner habiliter auditer "
        "scorer enrichir indexer extraire generer piloter cloturer qualifier "
        "affecter assigner dispatcher escalader router administrer instruire exporter"
    ),
    "en": lex(
        "process assess investigate underwrite adjudicate reconcile provision allocate triage "
        "dispatch escalate enrich extract generate qualify orchestrate optimize optimise "
        "audit index synchronize archive compute implement deploy"
    ),
}
# The company telling its own people or partners: "Notifie le coiffeur", "relay it to the
# claims department", "send letters to medical providers", "transmettre au service".
# The customer is none of these; a staff role as the receiver makes the step internal.
PASSING = {
    "fr": lex("envoyer transmettre relayer transferer affecter assigner communiquer"),
    "en": lex("send relay forward transmit consult assign hand communicate"),
}
# A notification reaches the staff the customer deals with too: "Notifie le coiffeur".
NOTIFYING = {"fr": lex("notifier alerter prevenir"), "en": lex("notify alert")}
RECEIVERS = {
    "fr": lex(
        "prestataire prestataires fournisseur fournisseurs partenaire partenaires "
        "departement service equipe equipes cuisine entrepot assureur transporteur "
        "gestionnaire responsable manager direction comptabilite"
    ),
    "en": lex(
        "provider providers supplier suppliers partner partners department team teams "
        "kitchen warehouse carrier insurer underwriter vendor vendors staff manager "
        "adjuster examiner handler"
    ),
}
# Making what the customer will get, out of sight: counted in a passive only ("Items
# are washed & folded", "La commande est préparée"); done in front of the customer
# ("We vacuum the carpet") it is the service itself.
PRODUCTION = {
    "fr": lex(
        "laver nettoyer plier cuisiner emballer conditionner preparer fabriquer assembler "
        "creer enregistrer decouvrir stocker etiqueter "
        # handling goods and records: gathered, printed, filed, stored out of sight
        "rassembler imprimer scanner ranger classer stocker crypter chiffrer"
    ),
    "en": lex(
        "wash clean fold cook bake pack manufacture assemble create discover build record "
        "compile label "
        "save store document log encrypt fetch decrement increment write print "
        "scan pull pick gather file"
    ),
}
PARCELS = {"fr": lex("commande commandes colis"), "en": lex("order orders parcel package")}


SELLER_SIDE = {
    "fr": lex(
        "vente ventes alerte alertes seuil seuils rupture ruptures rotation equipe equipes "
        "interne commercial commerciale commerciaux donnees automatique automatiquement marge "
        "decision decisions eligibilite allocation utilisateurs "
        "manuel manuelle manuellement reunion personnel fraude risque risques qualite "
        "solvabilite marketing finance juridique achats logistique"
    ),
    "en": lex(
        "sales alert alerts threshold thresholds team teams internal data automated "
        "automatically examiner adjuster handler department operations staff manual manually "
        "decision decisions eligibility allocation users meeting personnel employees fraud "
        "risk quality background solvency creditworthiness marketing finance accounting "
        "legal procurement logistics"
    ),
}
# The seller looking at its own inflow: "Demande entrante", "inbound leads".
INFLOW = {"fr": lex("entrant entrante entrants entrantes"), "en": lex("inbound")}


# The customer's papers and the company's business objects, as a file the back office
# works on: "Validation pièces", "Reviews documents", "Validation commande".
PAPERS = {
    "fr": lex("pieces justificatifs documents dossier dossiers identite justificatif"),
    "en": lex("documents document paperwork identity claim claims application applications"),
}
# Checking someone's papers: the customer prepares documents, the back office checks them.
CHECKING = {
    "fr": lex(
        "valider verifier controler examiner instruire traiter qualifier analyser evaluer etudier"
    ),
    "en": lex("review verify validate check assess examine process approve evaluate screen"),
}
# The seller drawing up its own papers: "Préparer le devis", "Draft the invoice".
DRAFTING = {
    "fr": lex("rediger etablir editer emettre generer preparer chiffrer"),
    "en": lex("draft generate compile"),
}
SELLER_PAPERS = {
    "fr": lex("devis facture factures proforma rapport rapports documentation"),
    "en": lex("quote quotes invoice invoices estimate estimates report reports documentation"),
}
# What a customer also handles ("Review order", "Valider la commande"): counted only
# under a nominal check ("Validation commande", "Order verification"); "Order review" is
# a checkout page as often as a back-office task.
OBJECTS = {
    "fr": lex("commande commandes devis demande demandes besoin besoins"),
    "en": lex("order orders request requests"),
}
QUOTED = re.compile(r'"[^"]*"|«[^»]*»|“[^”]*”')
FOR_YOU = re.compile(r"\b(for|to|with|pour|avec|a) (you|vous)\b")
# The company as the subject of work, wherever it stands: "we'll review", "we will be
# checking", "nous devrons vérifier". Up to three words (auxiliaries, adverbs) between.
WE_AT_WORK = {"fr": lex("nous"), "en": lex("we")}
AUXILIARIES = {
    "fr": lex("allons devons devrons pouvons allons ensuite alors aussi puis rapidement d'abord"),
    "en": lex(
        "will ll shall may might must can could would should are re be been then also "
        "quickly first now carefully thoroughly"
    ),
}


# Staff roles a journey may follow (its persona or its title): their work is the back
# office's, read from the end customer's side (tests/corpus/README.md, "Staff personas").
STAFF_ROLES = {
    "fr": lex(
        "gerant gerante vendeur vendeuse conseiller conseillere agent agents gestionnaire "
        "gestionnaires operateur operatrice technicien technicienne caissier caissiere "
        "administrateur administratrice admin manager responsable employe employee employes "
        "salarie salariee intervenant intervenante livreur livreuse preparateur preparatrice "
        "magasinier staff backoffice commercial commerciale recruteur "
        # those who examine a file for the company: experts, supervisors, case officers
        "expert experte superviseur superviseuse instructeur instructrice apporteur"
    ),
    "en": lex(
        "admin administrator manager staff employee employees agent agents operator "
        "technician clerk cashier merchant vendor driver courier dispatcher analyst "
        "recruiter adjuster examiner underwriter backoffice supervisor processor reviewer"
    ),
}


# The work a job title may be built on: checking, deciding on and routing files. Its agent
# noun is the company's staff ("approver", "claims investigator", "vérificateur"); roots
# whose agent noun is a thing or a customer ("generator", "computer", "creator") are not.
_OFFICE_WORK = {
    "fr": lex(
        "valider verifier controler examiner instruire traiter evaluer etudier analyser "
        "approuver auditer escalader router dispatcher affecter assigner rapprocher "
        "administrer superviser coordonner"
    ),
    "en": lex(
        "review verify validate check assess examine process approve evaluate screen "
        "investigate underwrite adjudicate audit reconcile triage dispatch assign escalate "
        "allocate administer supervise coordinate analyse analyze"
    ),
}


def office_agent(token: str, lang: Lang) -> bool:
    """A job title built on back-office work: "approver", "underwriters", "vérificateur"."""
    return agent_noun(token, lang, _OFFICE_WORK[lang])


PARTICIPLE_ENDINGS = {"fr": ("é", "ée", "és", "ées", "is", "ise", "ises"), "en": ("ed",)}
IRREGULAR_PARTICIPLES = lex("sent done made run kept held written taken given")


DEPARTMENTS = {
    "fr": lex("ventes commercial marketing comptabilite rh juridique achats logistique"),
    "en": lex("sales marketing finance accounting hr operations legal procurement logistics"),
}
SYSTEMS = lex("system systems systeme systemes logiciel")


NOUN_FORMS = {
    "fr": ("tion", "sion", "ment", "age", "ure", "ance", "ence", "ise", "ie"),
    "en": ("tion", "sion", "ment", "ance", "ence", "ing", "al", "sis", "ity"),
}


NOT_RECEIVERS = lex("client clients clientele customer customers consommateurs apres")
# Who a notification may reach besides the back office: the customer's own contact.
NOTIFIED = {
    "fr": lex("coiffeur coiffeuse praticien conseiller conseillere technicien livreur vendeur"),
    "en": lex("stylist technician courier driver advisor agent cleaner detailer"),
}


CANONICAL = {
    "backoffice": "back-office",
    "middleoffice": "middle-office",
    "frontoffice": "front-office",
    "backend": "back-end",
    "miseajour": "mise à jour",
    "lcbft": "LCB-FT",
}
WORD = re.compile(r"[^\W_]+", re.UNICODE)


# The customer asking for or getting the work: "Requests escalation", "Gets direct agent
# assignment", "Demande un rappel". What follows such a leading verb is what the customer
# asks for or receives, so it is something the customer sees.
ASKING = {
    "fr": lex("demander solliciter obtenir recevoir reclamer"),
    "en": lex("request ask get receive obtain"),
}
# The customer as the receiver: "shipped to the customer", "remis au client".
# Every noun the voice reading takes for the customer seen from outside, and the
# customer's roles in a procedure.
_RECEIVING = "|".join(
    sorted(CUSTOMER_NOUNS["fr"] | CUSTOMER_NOUNS["en"] | lex("beneficiaire demandeur"))
)
TO_CUSTOMER = re.compile(
    rf"\b(to|with|for) (the |our |each |every |an? )?({_RECEIVING})\b"
    rf"|\b(au|aux|avec le|avec la|pour le|pour la|a la|a l') ?({_RECEIVING})\b"
)
# What may follow a participle that closes its noun phrase: "saved as pending".
PHRASE_END = lex(
    "as at in on by from to for with into after before via under par dans sur pour en avec "
    "apres avant selon"
)
