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
    "fichier-non-autorise": (ERROR, "fichier d'un type refusé dans docs/ (ni page, ni image, ni son d'un témoignage "
                                    "avec sa transcription : un script, une feuille de style, une page HTML…), ou "
                                    "qui n'est pas ce que dit son extension"),
    "lien-symbolique": (ERROR, "lien symbolique dans docs/ ou data/ : la construction publierait le fichier visé"),
    "svg-trop-complexe": (ERROR, "image SVG trop grosse, trop imbriquée ou qui dessine trop de formes (« use » en "
                                 "cascade) : elle bloquerait les pages qui la montrent"),
    "fichier-introuvable": (ERROR, "fichier ou dossier donné en argument introuvable, ou fichier de données absent"),
    "fichier-illisible": (ERROR, "fichier que le système refuse de lire (droits)"),
    "fichier-trop-gros": (ERROR, "fichier de plus de 300 Ko : trop gros pour une page, à découper"),
    "caractere-invisible": (ERROR, "caractère invisible ou qui change le sens de lecture (espace sans chasse, "
                                   "contrôle bidirectionnel, trait d'union conditionnel)"),
    "imbrication-profonde": (ERROR, "listes ou citations imbriquées sur plus de 16 niveaux"),
    "texte-demesure": (ERROR, "suite de signes qui ferait tourner la construction sans fin : plus de 32 « [ » ou "
                              "« ( » ouverts, 32 balises « < » sans « > », 1 000 signes de mise en forme dans un "
                              "paragraphe, 2 000 titres ou éléments de liste dans une page"),
    "configuration-refusee": (ERROR, "mkdocs.yml hors de la liste de ce qui est permis : balise YAML !!python ou "
                                     "!ENV non documentée, réglage, script, style, extension, crochet ou option non "
                                     "prévus, texte affiché avec des balises, lien de signalement hors de la forge "
                                     "du projet, fichier d'un autre site, polices, mesure d'audience"),
    "cache-depose": (ERROR, "dossier .cache/ ajouté au dépôt : du code que la construction exécuterait"),
    "fichier-non-controle": (WARNING, "fichier donné en argument que le contrôle ne sait pas vérifier"),
    # regional editions (editions/CODE.yml, editions/CODE/: soignants/lint/edition_checks.py)
    "edition-a-completer": (WARNING, "édition régionale en brouillon : ce que l'URPS doit encore compléter (adresse, "
                                     "logo, adresse du site, moyen de signaler une erreur, ligne à confirmer, texte)"),
    "edition-incomplete": (ERROR, "édition régionale marquée prête à publier (« brouillon: false ») avec quelque chose "
                                  "encore à compléter"),
    "edition-ligne-regionale": (ERROR, "ligne régionale du bandeau d'une édition inconnue, nationale, hors de sa région, "
                                       "sans numéro ou sans libellé court ; ou ni lignes régionales ni "
                                       "« pas_de_ligne_regionale: true »"),
    "edition-logo": (ERROR, "logo d'une édition introuvable, trop lourd, ou qui n'est pas l'image annoncée"),
    "contraste-insuffisant": (ERROR, "couleur d'une édition trop peu contrastée (moins de 4,5:1) avec le texte ou le fond"),
    "edition-page-interdite": (ERROR, "page d'une édition qui remplacerait une page nationale, ou rangée hors de "
                                      "region/, fiches/PARTIE/ et images/"),
    # front matter and data files
    "entete-absente": (ERROR, "fiche ou témoignage sans en-tête « --- », ou en-tête jamais fermé"),
    "yaml-invalide": (ERROR, "YAML illisible (guillemets, deux-points, indentation, tabulation)"),
    "champ-manquant": (ERROR, "champ obligatoire absent"),
    "champ-inconnu": (ERROR, "champ que le modèle ne connaît pas (souvent une faute de frappe)"),
    "champ-duplique": (ERROR, "champ écrit deux fois au même niveau"),
    "caractere-de-controle": (ERROR, "caractère de contrôle invisible dans un champ d'en-tête ou de données "
                                     "(« \\x07 », « \\u0001 » entre guillemets)"),
    "aide-hors-recherche": (ERROR, "page « Trouver de l'aide » retirée de la recherche (search: exclude) ou "
                                   "reléguée (boost sous 1)"),
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
    "relecteur-auteur": (ERROR, "un relecteur est aussi auteur de la page (même nom, titres, accents et majuscules "
                                "mis à part, ou même identifiant de forge)"),
    "relecteur-nouveau-membre": (ERROR, "relecteur inscrit (ou modifié) au comité par la même proposition : "
                                        "l'inscription doit d'abord être fusionnée"),
    "relecteur-proposant": (ERROR, "le compte qui a ouvert la proposition se nomme relecteur d'une relecture qu'elle "
                                   "ajoute"),
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
    "detresse-avalee": (ERROR, "exception de la recherche de détresse qui empêcherait une requête du socle "
                               "(data/recherche-detresse-socle.yml) d'ouvrir l'encadré des numéros d'aide"),
    "detresse-non-reconnue": (ERROR, "requête du socle de la détresse qu'aucune expression de "
                                     "data/recherche-detresse.yml ne reconnaît"),
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
    "html-reserve": (ERROR, "classe, identifiant, attribut data-…, rôle, tabindex, formulaire ou lecteur audio réservé "
                            "au code du site : une page ne peut ni imiter le bandeau d'aide ni gêner ses scripts"),
    "appel-hors-marqueur": (ERROR, "lien d'appel (tel:, sms:…) écrit à la main : seul [[aide:…]] fait un lien d'appel"),
    "chiffre-sans-source": (WARNING, "paragraphe d'une fiche avec un chiffre, un délai ou un article de loi "
                                     "(%, €, jours, mois, ans, L1142-4…) et sans citation [@Clé]"),
    "source-non-listee": (ERROR, "clé citée dans le texte ([@Clé]) ou par un délai, absente de « sources » de l'en-tête"),
    "source-juridique-secondaire": (WARNING, "article de loi appuyé seulement sur des sources secondaires (copie, "
                                             "traduction, résumé automatique, commentaire) : citez d'abord Légifrance"),
    "delai-sans-texte-officiel": (ERROR, "délai (« delais ») sans lien vers le texte officiel sur Légifrance"),
    "texte-officiel-a-verifier": (WARNING, "délai dont la page Légifrance n'a pas encore été lue (« a_verifier »)"),
    "recours-sans-delai": (ERROR, "phrase d'une fiche qui évoque un recours (contester, faire appel, opposition, "
                                  "saisir la commission…) sans délai déclaré qui la couvre"),
    "essentiel-trop-long": (ERROR, "« L'essentiel » de plus de 60 mots (tels que lus, numéros compris) ou de plus "
                                   "de 4 puces"),
    "essentiel-sans-action": (ERROR, "première puce de « L'essentiel » qui ne dit pas quoi faire d'abord, et quand"),
    "texte-a-completer": (ERROR, "texte d'exemple du modèle laissé tel quel (« À compléter », TODO, XXX…)"),
    "section-vide": (ERROR, "section sans texte avant le titre suivant"),
    "numero-a-la-main": (ERROR, "numéro d'aide de data/aide.yml (actuel, ou ancien d'après son historique git) écrit "
                                "à la main au lieu du marqueur [[aide:…]], lu comme le lecteur le voit"),
    "numero-telephone": (ERROR, "autre numéro de téléphone (ou numéro à un chiffre près) dans le texte d'une page, un "
                                "en-tête, un champ de texte des données ou de mkdocs.yml : il passe par data/aide.yml"),
    "contact-modifie-sans-source": (ERROR, "numéro, horaires ou « repondant » d'un contact changés sans nouvelle date "
                                           "« verifie_le » ni nouvelle « source » dans la même proposition"),
    "titres-sautes": (ERROR, "niveau de titre sauté (ex. « ### » juste après « # »)"),
    "tabulation": (ERROR, "tabulation en début de ligne dans le texte : comptée comme 4 espaces, elle imbrique la "
                          "ligne dans une liste ou en fait un bloc de code"),
    "sous-liste-deux-espaces": (WARNING, "sous-liste indentée de 2 ou 3 espaces : imbriquée sur la forge, à plat sur le "
                                         "site ; indentez de 4 espaces"),
    "nom-de-fichier": (ERROR, "nom de fichier avec espace, accent, majuscule ou signe : le site ne le publierait pas "
                              "à la bonne adresse"),
    "donnee-personnelle": (ERROR, "adresse électronique ou numéro de téléphone dans un témoignage"),
    # the check itself
    "erreur-interne": (ERROR, "le contrôle a échoué sur ce fichier : à signaler à l'équipe technique"),
}
