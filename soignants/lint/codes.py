"""Every code the content check can report, with what it means (for the contributors' guide).

The codes are stable: CI logs, the guide and editors' habits refer to them. Adding a rule means
adding its code here, a broken file in tests/fixtures/lint/casses/ and its line in the tests.
"""

from .report import ERROR, WARNING

CODES = {
    # files
    "fichier-vide": (ERROR, "fichier vide (ou seulement des blancs)"),
    "fichier-binaire": (ERROR, "fichier qui n'est pas du texte (image ou document renommé en .md, octets nuls)"),
    "encodage": (ERROR, "fichier qui n'est pas enregistré en UTF-8"),
    "fichier-non-autorise": (ERROR, "fichier d'un type inattendu dans docs/ (ni page, ni image, son, style, PDF)"),
    "fichier-introuvable": (ERROR, "fichier ou dossier donné en argument introuvable, ou fichier de données absent"),
    "fichier-illisible": (ERROR, "fichier que le système refuse de lire (droits)"),
    "fichier-trop-gros": (ERROR, "fichier de plus de 300 Ko : trop gros pour une page, à découper"),
    "caractere-invisible": (ERROR, "caractère invisible ou qui change le sens de lecture (espace sans chasse, "
                                   "contrôle bidirectionnel, trait d'union conditionnel)"),
    "imbrication-profonde": (ERROR, "listes ou citations imbriquées sur plus de 16 niveaux"),
    "configuration-refusee": (ERROR, "mkdocs.yml charge un fichier d'un autre site, des polices, une mesure "
                                     "d'audience, un lien de dépôt, une extension ou un crochet non prévus"),
    "cache-depose": (ERROR, "dossier .cache/ ajouté au dépôt : du code que la construction exécuterait"),
    "fichier-non-controle": (WARNING, "fichier donné en argument que le contrôle ne sait pas vérifier"),
    # front matter and data files
    "entete-absente": (ERROR, "fiche ou témoignage sans en-tête « --- », ou en-tête jamais fermé"),
    "yaml-invalide": (ERROR, "YAML illisible (guillemets, deux-points, indentation, tabulation)"),
    "champ-manquant": (ERROR, "champ obligatoire absent"),
    "champ-inconnu": (ERROR, "champ que le modèle ne connaît pas (souvent une faute de frappe)"),
    "champ-duplique": (ERROR, "champ écrit deux fois au même niveau"),
    "champ-invalide": (ERROR, "valeur du mauvais type, trop courte ou trop longue, liste vide, doublon, format"),
    "valeur-interdite": (ERROR, "valeur hors de la liste des valeurs possibles"),
    "date-invalide": (ERROR, "date mal écrite, qui n'existe pas, future, ou relectures dans le désordre"),
    "relecture-depassee": (WARNING, "date « prochaine_relecture » passée (erreur avec --strict ; seulement pour les "
                                    "fichiers modifiés, ou tous avec --tout)"),
    "relecture-trop-lointaine": (WARNING, "prochaine relecture plus d'un an après la dernière"),
    "partie-incoherente": (ERROR, "fiche rangée dans un dossier qui n'est pas sa « partie »"),
    "contact-perime": (WARNING, "contact d'aide vérifié il y a plus de 12 mois (erreur avec --strict ; seulement "
                                "quand data/aide.yml fait partie de la proposition, ou avec --tout)"),
    "relecteur-inconnu": (ERROR, "« statut: relu » sans relecteur membre du comité éditorial (data/comite.yml) le jour "
                                 "de « relu_le »"),
    "relecteur-auteur": (ERROR, "un relecteur est aussi auteur de la page"),
    "historique-manquant": (ERROR, "texte d'une fiche relue modifié sans nouvelle entrée dans « historique »"),
    "id-duplique": (ERROR, "identifiant de contact, de référence ou de thème défini deux fois"),
    "theme-inconnu": (ERROR, "référence rangée dans un thème qui n'existe pas"),
    "theme-sans-page": (ERROR, "thème de bibliographie sans sa page docs/bibliographie/THEME.md"),
    "source-accueil": (ERROR, "référence ou source d'un contact qui pointe vers la page d'accueil d'un site "
                              "(adresse sans chemin ni paramètre) au lieu de la page qui énonce le fait"),
    "questionnaire-incoherent": (ERROR, "questionnaire dont les paliers laissent un trou ou se chevauchent, dont le "
                                        "score maximal ne correspond pas aux questions, ou dont l'alerte vise une "
                                        "question ou une réponse qui n'existe pas"),
    "expression-en-double": (ERROR, "expression de la recherche de détresse écrite deux fois (accents, majuscules "
                                    "et apostrophes mis à part)"),
    "exemple-declenche": (ERROR, "requête de « ne_declenchent_pas » qui ouvrirait pourtant l'encadré de détresse"),
    "exception-inutile": (WARNING, "exception de la recherche de détresse qui ne contient aucune expression de la liste"),
    # page body
    "titre-different": (ERROR, "titre « # » absent ou différent du champ « title »"),
    "section-manquante": (ERROR, "section obligatoire d'une fiche absente ou mal écrite"),
    "sections-ordre": (ERROR, "sections obligatoires d'une fiche dans le désordre"),
    "lien-casse": (ERROR, "lien vers une page ou un fichier qui n'existe pas, lien absolu ou vers un dossier"),
    "ancre-cassee": (ERROR, "lien vers une ancre « #… » qui n'existe pas dans la page visée"),
    "cle-inconnue": (ERROR, "clé de bibliographie inconnue (« sources » ou [@Clé])"),
    "citation-invalide": (ERROR, "citation [@…] mal écrite, qui s'afficherait telle quelle"),
    "aide-inconnue": (ERROR, "marqueur [[aide:…]] inconnu ou mal écrit"),
    "ligne-sans-numero": (ERROR, "ligne d'aide proposée après un score (« lignes » d'un questionnaire) sans numéro de téléphone en service"),
    "marqueur-invalide": (ERROR, "marqueur <!-- liste-fiches / bibliographie / annuaire --> mal écrit ou valeur inconnue"),
    "html-dangereux": (ERROR, "HTML qui exécute du code : <script>, <iframe>, attributs on…=, liens javascript:, <style> externe"),
    "ressource-externe": (ERROR, "image, son, vidéo ou style chargé depuis un autre site"),
    "chiffre-sans-source": (WARNING, "paragraphe d'une fiche avec un chiffre, un délai ou un article de loi "
                                     "(%, €, jours, mois, ans, L1142-4…) et sans citation [@Clé]"),
    "texte-a-completer": (ERROR, "texte d'exemple du modèle laissé tel quel (« À compléter », TODO, XXX…)"),
    "section-vide": (ERROR, "section sans texte avant le titre suivant"),
    "numero-a-la-main": (ERROR, "numéro d'aide de data/aide.yml écrit à la main au lieu du marqueur [[aide:…]]"),
    "titres-sautes": (ERROR, "niveau de titre sauté (ex. « ### » juste après « # »)"),
    "sous-liste-deux-espaces": (WARNING, "sous-liste indentée de 2 ou 3 espaces : imbriquée sur la forge, à plat sur le "
                                         "site ; indentez de 4 espaces"),
    "nom-de-fichier": (ERROR, "nom de fichier avec espace, accent, majuscule ou signe : le site ne le publierait pas "
                              "à la bonne adresse"),
    "donnee-personnelle": (ERROR, "adresse électronique ou numéro de téléphone dans un témoignage"),
    # the check itself
    "erreur-interne": (ERROR, "le contrôle a échoué sur ce fichier : à signaler à l'équipe technique"),
}
