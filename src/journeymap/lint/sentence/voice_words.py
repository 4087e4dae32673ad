"""The words the voice reading knows, per language: persons, determiners, actors."""

from __future__ import annotations

import re

from journeymap.lint.sentence.tokens import lex

FIRST = {"fr": lex("je j' me m' moi"), "en": lex("i i' me myself")}
MY = {"fr": lex("mon ma mes"), "en": lex("my mine")}
OURS = {"fr": lex("nous on notre nos"), "en": lex("we our us ours")}
YOU = {"fr": lex("vous"), "en": lex("you")}
THIRD_PRONOUNS = {"fr": lex("il elle ils elles"), "en": lex("he she they")}
DETERMINERS = {
    "fr": lex(
        "le la les l' un une des du ce cet cette ces votre vos son sa ses leur leurs toutes "
        "tous tout toute chaque"
    ),
    "en": lex("the a an this that these those your his her their its"),
}
# The customer seen from outside, with or without an article: "Le client", "Client entre".
CUSTOMER_NOUNS = {
    "fr": lex(
        "client cliente clients clientes prospect prospects utilisateur utilisatrice "
        "utilisateurs acheteur acheteuse visiteur visiteuse abonne abonnee consommateur "
        "consommatrice souscripteur assure assuree usager usagere patient patiente "
        "candidat candidate voyageur voyageuse emprunteur emprunteuse emprunteurs "
        "locataire locataires "
        # those a public service or a procedure serves, named by their part in it
        "demandeur demandeuse demandeurs declarant declarante "
        "proprietaire proprietaires adherent adherente adherents allocataire allocataires "
        "contribuable contribuables etudiant etudiante etudiants souscriptrice "
        "souscripteurs assures acheteurs visiteurs abonnes consommateurs voyageurs usagers "
        "patients candidats requerant requerante passager passagere passagers"
    ),
    "en": lex(
        "customer customers client clients user users buyer buyers visitor visitors "
        "subscriber subscribers prospect shopper shoppers member members guest guests "
        "patient patients applicant applicants founder founders traveller traveler lead "
        "insured policyholder policyholders claimant claimants tenant tenants borrower "
        "borrowers viewer viewers reader readers "
        # those a service or a procedure serves, named by their part in it
        "student students complainant complainants caller callers requester requesters "
        "homeowner homeowners renter renters learner learners citizen citizens "
        "passenger passengers consumer consumers travellers "
        "travelers prospects candidate candidates attendee attendees participant "
        "participants diner diners"
    ),
}
# Who speaks or acts for the company: its staff and its systems.
STAFF_NOUNS = {
    "fr": lex(
        "entreprise societe marque enseigne banque agence assureur conseiller conseillere "
        "vendeur vendeuse agent agents service equipe equipes magasin commercial commerciale "
        "technicien technicienne livreur livreuse transporteur support systeme site "
        "application appli backoffice gestionnaire operateur operatrice caissier caissiere "
        "hotesse secretariat plateforme algorithme workflow robot serveur crm erp direction "
        "comptabilite administrateur admin responsable manager gerant gerante cuisine "
        "entrepot comptable instructeur moderateur moderatrice preparateur preparatrice "
        "magasinier "
        # professionals acting for the company, and its bots
        "medecin infirmier infirmiere pharmacien chatbot "
        # the organisations and offices that answer a customer's request, and their people
        "universite comite syndic fournisseur mairie cuisinier cuisiniere prestataire "
        "courtier banquier organisme compagnie prefecture administration notaire "
        "mutuelle fabricant constructeur distributeur reparateur garage personnel "
        "bailleur bibliotheque avocat huissier inspecteur installateur "
        "recruteur assistante assistant secretaire"
    ),
    "en": lex(
        "company brand bank store shop team agent agents advisor adviser rep salesperson "
        "seller support staff technician courier carrier system website app backoffice "
        "sales manager cleaner cleaners detailer detailers barista waiter cashier clerk "
        "driver engineer csm security workflow engine model cdn server api algorithm bot "
        "crm erp pipeline platform detection operator operations admin administrator "
        "professionals crew representative specialist underwriter reviewer adjuster examiner "
        "handler officer housekeeping kitchen warehouse moderator moderators picker pickers "
        "packer packers recruiter ops qa cron webhook scheduler worker "
        # professionals acting for the company, and its bots
        "doctor physician nurse pharmacist chatbot processor management "
        # the organisations and offices that answer a customer's request, and their people
        "lender lenders university committee council county agency insurer "
        "insurers provider vendor supplier manufacturer retailer merchant chef cook "
        "receptionist concierge registrar broker banker lawyer attorney notary inspector "
        "assessor appraiser surveyor installer auditor auditors assignee attendant "
        "organiser organizer closer"
    ),
}
IMPERSONAL_FR = re.compile(
    r"^(il (faut|y a|est|etait|sera|peut|s'agit|reste|suffit|convient|semble|arrive)|c'est"
    r"|ca |cela )"
)
# An impersonal "il" anywhere: "Il s'agit de l'étape", "qu'il sera nécessaire", "il n'est
# plus possible de": a construction, not a person.
IMPERSONAL_IL = re.compile(
    r"\bil (ne |n')?(faut|faudra|faudrait|s'agit|y a|est|sera|serait|etait|reste|suffit"
    r"|convient|semble)\b"
)
# Être and a past participle anywhere: a passive ("Ton inscription est confirmée").
PASSIVE_FR = re.compile(
    r"\b(est|sont|sera|seront|était|étaient|été)\s+(\w+\s+)?\w+(é|ée|és|ées|is|ise|ises)\b"
)
HOUSEHOLD = {
    "fr": lex(
        "patron employeur famille enfant enfants proches couple maison logement femme mari "
        "bebe etat parents conjoint conjointe amis vacances"
    ),
    "en": lex(
        "kids children family home house wife husband partner baby parents friends holiday "
        "household"
    ),
}
# What a company does to a customer: "nous"/"on"/"we" with these verbs is the company.
COMPANY_VERBS = {
    "fr": lex(
        "envoyer expedier livrer traiter valider verifier controler proposer contacter "
        "appeler rappeler preparer facturer installer informer confirmer accompagner "
        "conseiller offrir fournir transmettre adresser notifier etudier analyser accueillir "
        "prendre mettre"
    ),
    "en": lex(
        "send ship deliver process validate verify check offer contact call prepare bill "
        "install inform confirm provide review assign match notify clean vacuum spray apply "
        "inspect work make identify handle set arrange"
    ),
}
NOUN_SUFFIXES = {
    "fr": ("tion", "sion", "ment", "age", "ure", "ance", "ence", "ise", "ee", "aison", "ade"),
    "en": ("tion", "sion", "ment", "ance", "ence", "ure", "ery", "ing", "al", "ity"),
}
PASSIVE_EN = re.compile(
    r"\b(is|are|was|were|be|been|being|gets|get)\s+(\w+(ed|en|wn|ne)|sent|paid|made|done|"
    r"held|kept|built|found|sold|told|brought|bought|left|put|set|shipped|sent|charged)\b"
)
BE_EN = frozenset({"is", "are", "was", "were", "becomes", "become", "seems", "remains"})
ED_IMPERATIVES = frozenset({"get", "stay", "keep", "be", "feel", "become"})
PARTICIPLE_END_EN = re.compile(r"^[\w\s/&,-]{0,40}\b\w+ed\s*(\(.*\))?[.!]?$")
# A noun phrase and a past participle, the auxiliary left out, then what says how, where
# or by whom: "Ticket created automatically", "Employee record created in the HR system",
# "Customer notified of the decision", "Role and manager assigned". It is the English
# twin of PARTICIPLE_FR; a participle before a noun stays an adjective ("Receive detailed
# plan") because a preposition, an adverb in -ly or a parenthesis must follow it.
PARTICIPLE_HEADLINE_EN = re.compile(
    r"^[\w\s/&,'-]{1,50}?\b\w+ed(\s+\w+ly)?"
    r"(\s*\(|\s*[,;:]|\s+(in|at|on|by|from|to|for|with|into|as|via|after|before|under|"
    r"of|within|through|per|automatically|securely|manually)\b)"
)


LEADING = {
    "fr": lex(
        "ensuite puis enfin alors apres finalement maintenant aussitot ainsi donc et mais "
        "parfois souvent toujours deja encore quand lorsque si comme vendredi together"
    ),
    "en": lex(
        "then next first finally later now afterwards once also and so again soon eventually "
        "when if before as while meanwhile today sometimes often still just together"
    ),
}

# Question words open on no one: "Quelle est la garantie ?" is not a person named
# "Quelle" (people.py takes a capitalised word no lexicon knows for a name).
INTERROGATIVES = {
    "fr": lex(
        "quel quelle quels quelles lequel laquelle lesquels lesquelles comment combien "
        "pourquoi quand ou qui que quoi"
    ),
    "en": lex("what which where when why how who whom whose"),
}


FAMILY_WORDS = lex("famille enfants family children kids")


# A noun and a past participle, the auxiliary left out: "Cache invalidé", "Alerte stock
# envoyée (si seuil)". The participle ends the phrase or meets a preposition, so that
# "Modifier mes données personnelles" stays an infinitive.
PARTICIPLE_FR = re.compile(
    r"^\S+(\s+(?!(?:de|des|du|d'|la|le|les|en|au|aux|à|mes|ma|mon|ses|sa|son|vos|votre|nos"
    r"|notre|leur|leurs|un|une)\b)\S+)?\s+\w+(é|ée|és|ées)"
    r"(\s*$|\s*\(|\s+(en|par|à|au|dans|sur|pour|avec|sous|si|le|la|les)\b)",
    re.IGNORECASE,
)
# Words in -ez that are no "vous" form: an order to the reader is read from the others.
NOT_VOUS_FORMS = lex("chez assez nez rez")
