<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
    <context>
        <name />
        <message>
            <source> (encrypted)</source>
            <translation> (chiffré)</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message numerus="yes">
            <source> year(s)</source>
            <translation>
                <numerusform> an</numerusform>
                <numerusform> ans</numerusform>
            </translation>
        </message>
        <message>
            <source> years</source>
            <translation> ans</translation>
        </message>
        <message>
            <source> — unsaved changes</source>
            <translation> — modifications non enregistrées</translation>
        </message>
        <message numerus="yes">
            <source>%n check(s) pass:</source>
            <translation>
                <numerusform>%n vérification réussie :</numerusform>
                <numerusform>%n vérifications réussies :</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n closed request(s) due for purge (see Statistics)</source>
            <translation>
                <numerusform>%n demande close à purger (voir Statistiques)</numerusform>
                <numerusform>%n demandes closes à purger (voir Statistiques)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n closed request(s) kept longer than the retention period ({years} years): review and purge them.</source>
            <translation>
                <numerusform>%n demande close conservée au-delà de la durée de conservation ({years} ans) : examinez-la et purgez-la.</numerusform>
                <numerusform>%n demandes closes conservées au-delà de la durée de conservation ({years} ans) : examinez-les et purgez-les.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es) to review</source>
            <translation>
                <numerusform>%n correspondance à examiner</numerusform>
                <numerusform>%n correspondances à examiner</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es) to review in all.</source>
            <translation>
                <numerusform>%n correspondance à examiner en tout.</numerusform>
                <numerusform>%n correspondances à examiner en tout.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minor's registration flag(s) seen by the DPO ({who}).</source>
            <translation>
                <numerusform>%n signalement d'inscription de mineur vu par le DPO ({who}).</numerusform>
                <numerusform>%n signalements d'inscription de mineur vus par le DPO ({who}).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) purged.</source>
            <translation>
                <numerusform>%n demande purgée.</numerusform>
                <numerusform>%n demandes purgées.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) searched; {found} of them with matches.</source>
            <translation>
                <numerusform>%n demande recherchée ; avec des correspondances : {found}.</numerusform>
                <numerusform>%n demandes recherchées ; avec des correspondances : {found}.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) written to {path}, pseudonymised. The export is recorded in the audit log.</source>
            <translation>
                <numerusform>%n demande écrite dans {path}, pseudonymisée. L'export est consigné dans le journal d'audit.</numerusform>
                <numerusform>%n demandes écrites dans {path}, pseudonymisées. L'export est consigné dans le journal d'audit.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n request(s) written to {path}. The file names people: keep it as carefully as the register. The export is recorded in the audit log.</source>
            <translation>
                <numerusform>%n demande écrite dans {path}. Le fichier nomme des personnes : conservez-le avec le même soin que le registre. L'export est consigné dans le journal d'audit.</numerusform>
                <numerusform>%n demandes écrites dans {path}. Le fichier nomme des personnes : conservez-le avec le même soin que le registre. L'export est consigné dans le journal d'audit.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s) read</source>
            <translation>
                <numerusform>%n ligne lue</numerusform>
                <numerusform>%n lignes lues</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n scan(s) destroyed (erased from the register); the audit log records the destruction.</source>
            <translation>
                <numerusform>%n scan détruit (effacé du registre) ; le journal d'audit enregistre la destruction.</numerusform>
                <numerusform>%n scans détruits (effacés du registre) ; le journal d'audit enregistre la destruction.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n scan(s) kept in the register until the decision.</source>
            <translation>
                <numerusform>%n scan conservé dans le registre jusqu'à la décision.</numerusform>
                <numerusform>%n scans conservés dans le registre jusqu'à la décision.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s) still to search</source>
            <translation>
                <numerusform>%n source encore à rechercher</numerusform>
                <numerusform>%n sources encore à rechercher</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s) with matches still to review</source>
            <translation>
                <numerusform>%n source avec des correspondances à examiner</numerusform>
                <numerusform>%n sources avec des correspondances à examiner</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Access (Art. 15)</source>
            <translation>&amp;Accès (art. 15)</translation>
        </message>
        <message>
            <source>&amp;Confirm — it is the subject</source>
            <translation>&amp;Confirmer — c'est la personne</translation>
        </message>
        <message>
            <source>&amp;Documents</source>
            <translation>&amp;Documents</translation>
        </message>
        <message>
            <source>&amp;Erasure (Art. 17)</source>
            <translation>&amp;Effacement (art. 17)</translation>
        </message>
        <message>
            <source>&amp;Extracts</source>
            <translation>&amp;Extractions</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>&amp;Gather export files…</source>
            <translation>Rassem&amp;bler les fichiers d'export…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message>
            <source>&amp;New request…</source>
            <translation>&amp;Nouvelle demande…</translation>
        </message>
        <message>
            <source>&amp;Objection (Art. 21)</source>
            <translation>&amp;Opposition (art. 21)</translation>
        </message>
        <message>
            <source>&amp;Period:</source>
            <translation>&amp;Période :</translation>
        </message>
        <message>
            <source>&amp;Portability (Art. 20)</source>
            <translation>&amp;Portabilité (art. 20)</translation>
        </message>
        <message>
            <source>&amp;Record the request</source>
            <translation>En&amp;registrer la demande</translation>
        </message>
        <message>
            <source>&amp;Register</source>
            <translation>&amp;Registre</translation>
        </message>
        <message>
            <source>&amp;Review the matches</source>
            <translation>&amp;Examiner les correspondances</translation>
        </message>
        <message>
            <source>&amp;Search all files</source>
            <translation>&amp;Rechercher dans tous les fichiers</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>Re&amp;chercher :</translation>
        </message>
        <message>
            <source>&amp;to</source>
            <translation>a&amp;u</translation>
        </message>
        <message>
            <source>(confirm a match that holds it, or edit the request)</source>
            <translation>(confirmez une correspondance qui la contient, ou modifiez la demande)</translation>
        </message>
        <message>
            <source>(no PDF in clear: the pack is encrypted)</source>
            <translation>(aucun PDF en clair : le dossier est chiffré)</translation>
        </message>
        <message>
            <source>(on paper or in person, nothing stored)</source>
            <translation>(sur papier ou en personne, rien n'est conservé)</translation>
        </message>
        <message>
            <source>(row dropped)</source>
            <translation>(ligne supprimée)</translation>
        </message>
        <message>
            <source>({name} is missing from this installation.)</source>
            <translation>({name} manque dans cette installation.)</translation>
        </message>
        <message>
            <source>1 day left ({w} working)</source>
            <translation>1 jour restant ({w} ouvré)</translation>
        </message>
        <message>
            <source>1 due within 7 days</source>
            <translation>1 à rendre sous 7 jours</translation>
        </message>
        <message>
            <source>1 request is overdue: its legal deadline has passed. Answer it first.</source>
            <translation>1 demande est en retard : son échéance légale est dépassée. Traitez-la en premier.</translation>
        </message>
        <message>
            <source>1 request overdue</source>
            <translation>1 demande en retard</translation>
        </message>
        <message>
            <source>1. Other means first (Art. 12(6))</source>
            <translation>1. D'abord les autres moyens (art. 12(6))</translation>
        </message>
        <message>
            <source>1. Response pack</source>
            <translation>1. Dossier de réponse</translation>
        </message>
        <message>
            <source>2. Proofs</source>
            <translation>2. Justificatifs</translation>
        </message>
        <message>
            <source>2. Send</source>
            <translation>2. Envoi</translation>
        </message>
        <message>
            <source>&lt; Back</source>
            <translation>&lt; Précédent</translation>
        </message>
        <message>
            <source>A draft of the reply with the pack attached, opened in your mail client</source>
            <translation>Un brouillon de la réponse avec le dossier joint, ouvert dans votre messagerie</translation>
        </message>
        <message>
            <source>A last page after the letter for a lawyer or an IT department: the fingerprint of each data file, the audit head this pack proves and the seal certificate's. The letter itself never carries them.</source>
            <translation>Une dernière page après la lettre, pour un avocat ou un service informatique : l'empreinte de chaque fichier de données, la tête du journal d'audit que ce dossier prouve et celle du certificat du cachet. La lettre elle-même ne les porte jamais.</translation>
        </message>
        <message>
            <source>A lone PDF: there is no manifest to compare.</source>
            <translation>Un PDF seul : il n'y a pas de manifeste à comparer.</translation>
        </message>
        <message>
            <source>A reason is required.</source>
            <translation>Un motif est obligatoire.</translation>
        </message>
        <message>
            <source>A register already exists at this location; choose another file name.</source>
            <translation>Un registre existe déjà à cet emplacement ; choisissez un autre nom de fichier.</translation>
        </message>
        <message>
            <source>A representative proves their own identity and their authority (RULES B4).</source>
            <translation>Un représentant prouve sa propre identité et son pouvoir (règle B4).</translation>
        </message>
        <message>
            <source>A request is manifestly excessive mainly when it repeats itself; the burden of showing it lies with the office (Art. 12(5)).</source>
            <translation>Une demande est manifestement excessive surtout lorsqu'elle se répète ; la charge de la preuve incombe à l'organisme (art. 12(5)).</translation>
        </message>
        <message>
            <source>A scan (JPEG, PNG or PDF): choose the file next</source>
            <translation>Un scan (JPEG, PNG ou PDF) : choisir le fichier ensuite</translation>
        </message>
        <message>
            <source>A scan received on {received} cannot be shown: its key is not beside this register (it was opened away from its scan-key file).</source>
            <translation>Un scan reçu le {received} ne peut pas être affiché : sa clé n'est pas à côté de ce registre (il a été ouvert loin de son fichier de clés de scans).</translation>
        </message>
        <message>
            <source>A scan received on {received} was destroyed on {date}: its key was shredded, so this register, older than the destruction, cannot show it.</source>
            <translation>Un scan reçu le {received} a été détruit le {date} : sa clé a été effacée, si bien que ce registre, antérieur à la destruction, ne peut pas l'afficher.</translation>
        </message>
        <message>
            <source>A third party</source>
            <translation>Un tiers</translation>
        </message>
        <message>
            <source>About DSAR Desktop</source>
            <translation>À propos de DSAR Desktop</translation>
        </message>
        <message>
            <source>Accepted: {types}.</source>
            <translation>Acceptés : {types}.</translation>
        </message>
        <message>
            <source>Acknowledge (DPO)</source>
            <translation>Pris en compte (DPO)</translation>
        </message>
        <message>
            <source>Acknowledgement of receipt</source>
            <translation>Accusé de réception</translation>
        </message>
        <message>
            <source>Acting as: {actor}</source>
            <translation>Agit en tant que : {actor}</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>Activités</translation>
        </message>
        <message>
            <source>Add a slot…</source>
            <translation>Ajouter un emplacement…</translation>
        </message>
        <message>
            <source>Add a technical annex page (the files' SHA-256 fingerprints)</source>
            <translation>Ajouter une page d'annexe technique (les empreintes SHA-256 des fichiers)</translation>
        </message>
        <message>
            <source>Add another scan…</source>
            <translation>Ajouter un autre scan…</translation>
        </message>
        <message>
            <source>Add note…</source>
            <translation>Ajouter une note…</translation>
        </message>
        <message>
            <source>Add the slot</source>
            <translation>Ajouter l'emplacement</translation>
        </message>
        <message>
            <source>Age on receipt: {age} (born {born}; request received {received}).</source>
            <translation>Âge à la réception : {age} ans (date de naissance : {born} ; demande reçue le {received}).</translation>
        </message>
        <message>
            <source>All rights</source>
            <translation>Tous les droits</translation>
        </message>
        <message>
            <source>All sources searched ✓ ({searched} searched, {skipped} not applicable).</source>
            <translation>Toutes les sources ont été recherchées ✓ (recherchées : {searched} ; sans objet : {skipped}).</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>Tous les états</translation>
        </message>
        <message>
            <source>All systems</source>
            <translation>Tous les systèmes</translation>
        </message>
        <message>
            <source>Alsace-Moselle (adds Good Friday and 26 December)</source>
            <translation>Alsace-Moselle (ajoute le Vendredi saint et le 26 décembre)</translation>
        </message>
        <message>
            <source>An ID document goes to the ID check, where it is checked like a scan and destroyed after the decision; its copy here, and the original file that holds it, are deleted at once.</source>
            <translation>Une pièce d'identité part au contrôle d'identité, où elle est vérifiée comme un scan puis détruite après la décision ; sa copie ici, et le fichier original qui la contient, sont supprimés aussitôt.</translation>
        </message>
        <message>
            <source>An ID document was asked for because of a recorded doubt; check the document below.</source>
            <translation>Une pièce a été demandée en raison d'un doute consigné ; vérifiez le document ci-dessous.</translation>
        </message>
        <message>
            <source>An offline register of data-subject requests for the DPO office: intake, deadlines, identity checks, extracts and signed response packs.</source>
            <translation>Un registre hors ligne des demandes de droits des personnes pour le bureau du DPO : enregistrement, délais, vérification d'identité, extractions et dossiers de réponse signés.</translation>
        </message>
        <message>
            <source>Another person's data (Art. 15(4))</source>
            <translation>Données d'une autre personne (art. 15(4))</translation>
        </message>
        <message>
            <source>Answer by e-mail</source>
            <translation>Répondre par courriel</translation>
        </message>
        <message>
            <source>Answered</source>
            <comment>chart legend</comment>
            <translation>Répondues</translation>
        </message>
        <message>
            <source>Any due date</source>
            <translation>Toute échéance</translation>
        </message>
        <message>
            <source>Anyone holding this key and the register file can read the whole register. Keep this sheet in a safe; never store it beside the computer or in an e-mail.</source>
            <translation>Toute personne qui détient cette clé et le fichier du registre peut lire tout le registre. Gardez cette feuille dans un coffre ; ne la conservez jamais près de l'ordinateur ni dans un e-mail.</translation>
        </message>
        <message>
            <source>Arrived on:</source>
            <translation>Date d'arrivée :</translation>
        </message>
        <message>
            <source>Art. 12(3) GDPR: the deadline may be extended by two further months where necessary, taking into account the complexity and number of the requests. The person must be told of the extension and its reasons within one month of receipt, that is on or before the legal due date (D1).</source>
            <translation>Art. 12(3) RGPD : le délai peut être prolongé de deux mois, au besoin, compte tenu de la complexité et du nombre de demandes. La personne doit être informée de la prolongation et de ses motifs dans le mois suivant la réception, c'est-à-dire au plus tard à l'échéance légale (D1).</translation>
        </message>
        <message>
            <source>Art. 12(5) GDPR: only a person may decide that a request is manifestly unfounded or excessive, and the office must be able to show it. Write the justification that will be kept in the register.</source>
            <translation>Art. 12(5) RGPD : seule une personne peut décider qu'une demande est manifestement infondée ou excessive, et l'organisme doit pouvoir le démontrer. Écrivez la justification conservée au registre.</translation>
        </message>
        <message>
            <source>Art. 12(6): a document may be asked for only when there is a reasonable doubt about the requester's identity. Two fields: the reason as stated to the person is PRINTED in the letter; the internal note is kept with the case for staff and NEVER printed.</source>
            <translation>Art. 12(6) : une pièce ne peut être demandée qu'en cas de doute raisonnable sur l'identité du demandeur. Deux champs : le motif adressé à la personne est IMPRIMÉ dans la lettre ; la note interne reste avec la demande pour l'équipe et n'est JAMAIS imprimée.</translation>
        </message>
        <message>
            <source>Ask for proof of identity…</source>
            <translation>Demander un justificatif d'identité…</translation>
        </message>
        <message>
            <source>Ask for {proof}</source>
            <translation>Demander : {proof}</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>Pièces jointes</translation>
        </message>
        <message>
            <source>Automated decisions</source>
            <translation>Décisions automatisées</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>Précédent</translation>
        </message>
        <message>
            <source>Back to in progress</source>
            <translation>Revenir à « en cours »</translation>
        </message>
        <message>
            <source>Back to the shipped template…</source>
            <translation>Revenir au modèle d'origine…</translation>
        </message>
        <message>
            <source>Back up now…</source>
            <translation>Sauvegarder maintenant…</translation>
        </message>
        <message>
            <source>Backing up the register…</source>
            <translation>Sauvegarde du registre…</translation>
        </message>
        <message>
            <source>Backup written to {path}.</source>
            <translation>Sauvegarde écrite dans {path}.</translation>
        </message>
        <message>
            <source>Backups kept on close</source>
            <translation>Sauvegardes conservées à la fermeture</translation>
        </message>
        <message>
            <source>Build response pack…</source>
            <translation>Produire le dossier de réponse…</translation>
        </message>
        <message>
            <source>By</source>
            <translation>Par</translation>
        </message>
        <message>
            <source>By (e-mail, letter, ticket…):</source>
            <translation>Par (courriel, courrier, ticket…) :</translation>
        </message>
        <message>
            <source>Calibration page sent to {printer}.</source>
            <translation>Page d'étalonnage envoyée à {printer}.</translation>
        </message>
        <message>
            <source>Calibration page written to {path}.</source>
            <translation>Page d'étalonnage écrite dans {path}.</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Annuler</translation>
        </message>
        <message>
            <source>Cancelled: no file was written.</source>
            <translation>Annulé : aucun fichier n'a été écrit.</translation>
        </message>
        <message>
            <source>case</source>
            <translation>demande</translation>
        </message>
        <message>
            <source>Certificate (*.pem *.crt *.cer *.der)</source>
            <translation>Certificat (*.pem *.crt *.cer *.der)</translation>
        </message>
        <message>
            <source>Certificate (*.pem)</source>
            <translation>Certificat (*.pem)</translation>
        </message>
        <message>
            <source>Certificate fingerprint:</source>
            <translation>Empreinte du certificat :</translation>
        </message>
        <message>
            <source>Certificate imported: {subject}. It now seals every response pack.</source>
            <translation>Certificat importé : {subject}. Il scelle désormais chaque dossier de réponse.</translation>
        </message>
        <message>
            <source>Certificate to trust:</source>
            <translation>Certificat de confiance :</translation>
        </message>
        <message>
            <source>Certificate written to {path}: give it to whoever verifies your packs.</source>
            <translation>Certificat écrit dans {path} : transmettez-le à qui vérifie vos dossiers.</translation>
        </message>
        <message>
            <source>Change passphrase</source>
            <translation>Changer la phrase de passe</translation>
        </message>
        <message>
            <source>Change passphrase…</source>
            <translation>Changer la phrase de passe…</translation>
        </message>
        <message>
            <source>Change the passphrase</source>
            <translation>Changer la phrase de passe</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>Canal</translation>
        </message>
        <message>
            <source>Channel:</source>
            <translation>Canal :</translation>
        </message>
        <message>
            <source>Check digits:</source>
            <translation>Chiffres de contrôle :</translation>
        </message>
        <message>
            <source>Check the document…</source>
            <translation>Vérifier le document…</translation>
        </message>
        <message>
            <source>Check the proof — {ref}</source>
            <translation>Vérifier la preuve — {ref}</translation>
        </message>
        <message>
            <source>Checking the case…</source>
            <translation>Vérification de la demande…</translation>
        </message>
        <message>
            <source>Checklist</source>
            <translation>Liste de contrôle</translation>
        </message>
        <message>
            <source>Checks that a response pack or a sealed letter has not been changed since it was sealed, and who sealed it. Choose the file, then Verify: the result shows below.</source>
            <translation>Vérifie qu'un dossier de réponse ou une lettre scellée n'a pas été modifié depuis son scellement, et qui l'a scellé. Choisissez le fichier puis « Vérifier » : le résultat s'affiche ci-dessous.</translation>
        </message>
        <message>
            <source>Choose a decision first: verified, rejected or more information needed.</source>
            <translation>Choisissez d'abord une décision : vérifiée, rejetée ou complément nécessaire.</translation>
        </message>
        <message>
            <source>Choose a field first.</source>
            <translation>Choisissez d'abord un champ.</translation>
        </message>
        <message>
            <source>Choose a logo…</source>
            <translation>Choisir un logo…</translation>
        </message>
        <message>
            <source>Choose a match first.</source>
            <translation>Choisissez d'abord une correspondance.</translation>
        </message>
        <message>
            <source>Choose a match in the table to see its row.</source>
            <translation>Choisissez une correspondance dans le tableau pour voir sa ligne.</translation>
        </message>
        <message>
            <source>Choose a pack (.zip) or a sealed PDF first.</source>
            <translation>Choisissez d'abord un dossier (.zip) ou un PDF scellé.</translation>
        </message>
        <message>
            <source>Choose a passphrase slot first.</source>
            <translation>Choisissez d'abord un emplacement à phrase de passe.</translation>
        </message>
        <message>
            <source>Choose a recipient in the list first.</source>
            <translation>Choisissez d'abord un destinataire dans la liste.</translation>
        </message>
        <message>
            <source>Choose a system for at least one file.</source>
            <translation>Choisissez un système pour au moins un fichier.</translation>
        </message>
        <message>
            <source>Choose a system in the list first.</source>
            <translation>Choisissez d'abord un système dans la liste.</translation>
        </message>
        <message>
            <source>Choose every export file of this request</source>
            <translation>Choisissez tous les fichiers d'export de cette demande</translation>
        </message>
        <message>
            <source>Choose or drop every file at once: each goes to its system, one search.</source>
            <translation>Choisissez ou déposez tous les fichiers d'un coup : chacun va à son système, une seule recherche.</translation>
        </message>
        <message>
            <source>Choose the certificate to trust</source>
            <translation>Choisir le certificat de confiance</translation>
        </message>
        <message>
            <source>Choose the export files</source>
            <translation>Choisir les fichiers d'export</translation>
        </message>
        <message>
            <source>Choose the office's certificate</source>
            <translation>Choisir le certificat du bureau</translation>
        </message>
        <message>
            <source>Choose the pack to verify</source>
            <translation>Choisir le dossier à vérifier</translation>
        </message>
        <message>
            <source>Choose the scan</source>
            <translation>Choisir le scan</translation>
        </message>
        <message>
            <source>choose the system</source>
            <translation>choisissez le système</translation>
        </message>
        <message>
            <source>Choose…</source>
            <translation>Choisir…</translation>
        </message>
        <message>
            <source>chosen</source>
            <translation>choisi</translation>
        </message>
        <message>
            <source>Click a column title to sort; double-click a request or press Enter to open it.</source>
            <translation>Cliquez sur un titre de colonne pour trier ; double-cliquez sur une demande ou appuyez sur Entrée pour l'ouvrir.</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>Délai</translation>
        </message>
        <message>
            <source>Clock stopped for identity:</source>
            <translation>Délai suspendu (identité) :</translation>
        </message>
        <message>
            <source>Clock stopped from {date}. The due date is now {due} and moves one day later each day until the proof arrives.</source>
            <translation>Délai suspendu depuis le {date}. L'échéance est maintenant le {due} et recule d'un jour chaque jour jusqu'à l'arrivée du justificatif.</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Fermer</translation>
        </message>
        <message>
            <source>Close request {ref}? A closed request can no longer change; it is kept {years} years then purged.</source>
            <translation>Clôturer la demande {ref} ? Une demande close ne peut plus changer ; elle est conservée {years} ans puis purgée.</translation>
        </message>
        <message>
            <source>Close the case</source>
            <translation>Clôturer la demande</translation>
        </message>
        <message>
            <source>Close the case tab</source>
            <translation>Fermer l'onglet de la demande</translation>
        </message>
        <message>
            <source>Close this case file</source>
            <translation>Fermer ce dossier</translation>
        </message>
        <message>
            <source>Close without deciding</source>
            <translation>Fermer sans décider</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Clôturée</translation>
        </message>
        <message>
            <source>Closed cases older than this are purged; French civil limitation is 5 years.</source>
            <translation>Les dossiers clos plus anciens sont purgés ; la prescription civile de droit commun est de 5 ans.</translation>
        </message>
        <message>
            <source>Closed or answered: no deadline running</source>
            <translation>Close ou répondue : aucun délai en cours</translation>
        </message>
        <message numerus="yes">
            <source>Closed requests are kept {years} years after closure (French civil limitation), then purged. %n request(s) are past that period. Nothing is deleted until you confirm.</source>
            <translation>
                <numerusform>Les demandes closes sont conservées {years} ans après la clôture (prescription civile), puis purgées. %n demande a dépassé ce délai. Rien n'est supprimé avant votre confirmation.</numerusform>
                <numerusform>Les demandes closes sont conservées {years} ans après la clôture (prescription civile), puis purgées. %n demandes ont dépassé ce délai. Rien n'est supprimé avant votre confirmation.</numerusform>
            </translation>
        </message>
        <message>
            <source>Closure reason:</source>
            <translation>Motif de clôture :</translation>
        </message>
        <message>
            <source>Columns named in</source>
            <translation>Colonnes nommées dans</translation>
        </message>
        <message>
            <source>Compare with the case: &lt;b&gt;{name}&lt;/b&gt;</source>
            <translation>À comparer avec la demande : &lt;b&gt;{name}&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Compare with the case: &lt;b&gt;{name}&lt;/b&gt;, born {dob}</source>
            <translation>À comparer avec la demande : &lt;b&gt;{name}&lt;/b&gt;, date de naissance : {dob}</translation>
        </message>
        <message>
            <source>Compared with the MRZ:</source>
            <translation>Comparaison avec la MRZ :</translation>
        </message>
        <message>
            <source>composite (whole zone)</source>
            <translation>composite (toute la bande)</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>Confirmer</translation>
        </message>
        <message numerus="yes">
            <source>Confirm all exact e-mail matches (%n)</source>
            <translation>
                <numerusform>Confirmer la correspondance exacte par e-mail (%n)</numerusform>
                <numerusform>Confirmer toutes les correspondances exactes par e-mail (%n)</numerusform>
            </translation>
        </message>
        <message>
            <source>confirmed</source>
            <translation>confirmée</translation>
        </message>
        <message>
            <source>Confirmed. This registration was made before 18 without recorded parental consent: it is flagged to the DPO below.</source>
            <translation>Confirmée. Cette inscription a été faite avant 18 ans sans consentement parental enregistré : elle est signalée au DPO ci-dessous.</translation>
        </message>
        <message>
            <source>Consent &amp;withdrawal (Art. 7(3))</source>
            <translation>Retrait du &amp;consentement (art. 7(3))</translation>
        </message>
        <message>
            <source>Consent (Art. 6(1)(a))</source>
            <translation>Consentement (art. 6.1.a)</translation>
        </message>
        <message>
            <source>Contact e-mail:</source>
            <translation>Courriel de contact :</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>Contenu</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Sommaire</translation>
        </message>
        <message>
            <source>Contract (Art. 6(1)(b))</source>
            <translation>Contrat (art. 6.1.b)</translation>
        </message>
        <message>
            <source>Cookie policy</source>
            <translation>Politique cookies</translation>
        </message>
        <message>
            <source>Copy the password</source>
            <translation>Copier le mot de passe</translation>
        </message>
        <message>
            <source>Covers this request:</source>
            <translation>Couvre cette demande :</translation>
        </message>
        <message>
            <source>Create a new register</source>
            <translation>Créer un nouveau registre</translation>
        </message>
        <message>
            <source>Create a new register…</source>
            <translation>Créer un nouveau registre…</translation>
        </message>
        <message>
            <source>Create a self-signed internal seal named "{name}"?

{warning}</source>
            <translation>Créer un sceau interne auto-signé nommé « {name} » ?

{warning}</translation>
        </message>
        <message>
            <source>Create an internal seal…</source>
            <translation>Créer un sceau interne…</translation>
        </message>
        <message>
            <source>Create the register</source>
            <translation>Créer le registre</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Créé le</translation>
        </message>
        <message>
            <source>Created on {date}</source>
            <translation>Créée le {date}</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Tableau de bord</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Données</translation>
        </message>
        <message>
            <source>Data categories (one per line)</source>
            <translation>Catégories de données (une par ligne)</translation>
        </message>
        <message>
            <source>Data subject</source>
            <translation>Personne concernée</translation>
        </message>
        <message>
            <source>Data subject:</source>
            <translation>Personne concernée :</translation>
        </message>
        <message>
            <source>Data the person provided (portability)</source>
            <translation>Données fournies par la personne (portabilité)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>date of birth</source>
            <translation>date de naissance</translation>
        </message>
        <message>
            <source>Date of birth on the document:</source>
            <translation>Date de naissance sur le document :</translation>
        </message>
        <message>
            <source>date of birth with a two-digit year: check it</source>
            <translation>date de naissance à deux chiffres pour l'année : à vérifier</translation>
        </message>
        <message>
            <source>Date of birth:</source>
            <translation>Date de naissance :</translation>
        </message>
        <message>
            <source>Date sent:</source>
            <translation>Date d'envoi :</translation>
        </message>
        <message>
            <source>Date the notice is sent:</source>
            <translation>Date d'envoi de la notification :</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>Jours restants</translation>
        </message>
        <message>
            <source>DD/MM/YYYY</source>
            <translation>JJ/MM/AAAA</translation>
        </message>
        <message>
            <source>Deadline extended to {date}; notice sent {notice}; reasons: {reason}</source>
            <translation>Délai prolongé au {date} ; notification du {notice} ; motifs : {reason}</translation>
        </message>
        <message>
            <source>Deadlines</source>
            <translation>Délais</translation>
        </message>
        <message>
            <source>Decided by {who} on {when}.</source>
            <translation>Décidé par {who} le {when}.</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>Décision</translation>
        </message>
        <message>
            <source>Decision recorded: {decision}, by {who}.</source>
            <translation>Décision enregistrée : {decision}, par {who}.</translation>
        </message>
        <message>
            <source>Demo register passphrase: {passphrase}</source>
            <translation>Phrase de passe du registre de démonstration : {passphrase}</translation>
        </message>
        <message>
            <source>Discard the changes to “{name}”?</source>
            <translation>Abandonner les modifications de « {name} » ?</translation>
        </message>
        <message>
            <source>Discard your unsaved changes to this template?</source>
            <translation>Abandonner vos modifications non enregistrées de ce modèle ?</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Masquer</translation>
        </message>
        <message>
            <source>Disproportionate effort</source>
            <translation>Efforts disproportionnés</translation>
        </message>
        <message>
            <source>disproportionate effort: {reason}</source>
            <translation>efforts disproportionnés : {reason}</translation>
        </message>
        <message>
            <source>Do not rely on this pack: see the checks below.</source>
            <translation>Ne vous fiez pas à ce dossier : voir les contrôles ci-dessous.</translation>
        </message>
        <message>
            <source>document</source>
            <translation>document</translation>
        </message>
        <message>
            <source>document number</source>
            <translation>numéro du document</translation>
        </message>
        <message>
            <source>Document number:</source>
            <translation>Numéro du document :</translation>
        </message>
        <message>
            <source>Document type:</source>
            <translation>Type de document :</translation>
        </message>
        <message>
            <source>Done.</source>
            <translation>Terminé.</translation>
        </message>
        <message>
            <source>DPO address (one line each):</source>
            <translation>Adresse du DPO (une ligne par ligne) :</translation>
        </message>
        <message>
            <source>Drawing the preview…</source>
            <translation>Dessin de l'aperçu…</translation>
        </message>
        <message>
            <source>Drop the e-mail here: a new request opens, filled from the message.</source>
            <translation>Déposez le courriel ici : une nouvelle demande s'ouvre, remplie à partir du message.</translation>
        </message>
        <message>
            <source>DSAR backup (*.dsarbak)</source>
            <translation>Sauvegarde DSAR (*.dsarbak)</translation>
        </message>
        <message>
            <source>DSAR Desktop</source>
            <translation>DSAR Desktop</translation>
        </message>
        <message>
            <source>DSAR Desktop — guide</source>
            <translation>DSAR Desktop — guide</translation>
        </message>
        <message>
            <source>DSAR Desktop — recovery key</source>
            <translation>DSAR Desktop — clé de secours</translation>
        </message>
        <message>
            <source>DSAR Desktop — unexpected error</source>
            <translation>DSAR Desktop — erreur inattendue</translation>
        </message>
        <message>
            <source>DSAR register (*.dsar)</source>
            <translation>Registre DSAR (*.dsar)</translation>
        </message>
        <message>
            <source>DSAR register (*.dsar);;All files (*)</source>
            <translation>Registre DSAR (*.dsar);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Due date</source>
            <translation>Échéance</translation>
        </message>
        <message>
            <source>Due date filter</source>
            <translation>Filtre d'échéance</translation>
        </message>
        <message>
            <source>Due for purge</source>
            <translation>À purger à partir du</translation>
        </message>
        <message>
            <source>Due this month</source>
            <translation>Échéance ce mois-ci</translation>
        </message>
        <message>
            <source>Due today</source>
            <translation>Échéance aujourd'hui</translation>
        </message>
        <message>
            <source>Due within 7 days</source>
            <translation>Échéance sous 7 jours</translation>
        </message>
        <message>
            <source>e-mail</source>
            <translation>e-mail</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>Courriel</translation>
        </message>
        <message>
            <source>E-mail (*.eml *.msg)</source>
            <translation>Courriel (*.eml *.msg)</translation>
        </message>
        <message>
            <source>E-mail (*.eml)</source>
            <translation>Courriel (*.eml)</translation>
        </message>
        <message>
            <source>E-mail draft prepared: {what}; it goes out when a person sends it and records the dispatch</source>
            <translation>Brouillon de courriel préparé : {what} ; il part quand une personne l'envoie et enregistre l'envoi</translation>
        </message>
        <message>
            <source>E-mail:</source>
            <translation>Courriel :</translation>
        </message>
        <message>
            <source>e.g. 1A 123 456 7890 1 — leave empty for a reply by e-mail</source>
            <translation>p. ex. 1A 123 456 7890 1 — laisser vide pour une réponse par courriel</translation>
        </message>
        <message>
            <source>e.g. newsletter retention aligned on the 2027 policy</source>
            <translation>p. ex. conservation de la newsletter alignée sur la politique 2027</translation>
        </message>
        <message>
            <source>e.g. seven systems to search and 4,000 pages of records to review</source>
            <translation>p. ex. sept systèmes à interroger et 4 000 pages de dossiers à examiner</translation>
        </message>
        <message>
            <source>e.g. the name and phone of the subject's sister</source>
            <translation>p. ex. le nom et le téléphone de la sœur de la personne</translation>
        </message>
        <message>
            <source>e.g. the person never used the online services: no account, no cookie identifier</source>
            <translation>p. ex. la personne n'a jamais utilisé les services en ligne : aucun compte, aucun identifiant de cookie</translation>
        </message>
        <message>
            <source>e.g. Your request came from an e-mail address that is not the one we hold for you.</source>
            <translation>ex. Votre demande nous est parvenue d'une adresse électronique différente de celle que nous connaissons.</translation>
        </message>
        <message>
            <source>Each activity is one system whose exports are searched; the letter's Article 15 information comes from here.</source>
            <translation>Chaque activité est un système dont les exports sont recherchés ; les informations de l'article 15 de la lettre viennent d'ici.</translation>
        </message>
        <message>
            <source>Each file goes to the system shown. Change a system if it is wrong, then search them all.</source>
            <translation>Chaque fichier va au système indiqué. Changez un système s'il est faux, puis lancez la recherche dans tous.</translation>
        </message>
        <message>
            <source>Each member of staff has their own slot: a name and a passphrase. The name appears in the audit log next to everything done with it.</source>
            <translation>Chaque membre de l'équipe a son propre emplacement : un nom et une phrase de passe. Le nom figure dans le journal d'audit à côté de chaque action faite avec lui.</translation>
        </message>
        <message>
            <source>Each purged request leaves a tombstone in the audit log: reference, dates, rights, outcome, the purge date and who purged it. No name, no address.</source>
            <translation>Chaque demande purgée laisse une trace dans le journal d'audit : référence, dates, droits, issue, date de la purge et auteur. Aucun nom, aucune adresse.</translation>
        </message>
        <message>
            <source>Each slot opens the register with its own passphrase. Changing a passphrase rewrites one slot; the register itself is not touched.</source>
            <translation>Chaque emplacement ouvre le registre avec sa propre phrase de passe. Changer une phrase de passe réécrit un seul emplacement ; le registre lui-même n'est pas modifié.</translation>
        </message>
        <message>
            <source>Earlier request by the same person: {items}. Check whether this one repeats it (Art. 12(5)).</source>
            <translation>Demande antérieure de la même personne : {items}. Vérifiez si celle-ci la répète (art. 12(5)).</translation>
        </message>
        <message>
            <source>Earlier requests by the same person:</source>
            <translation>Demandes antérieures de la même personne :</translation>
        </message>
        <message>
            <source>Encrypt the ZIP (AES) for sending by e-mail</source>
            <translation>Chiffrer le ZIP (AES) pour l'envoi par courriel</translation>
        </message>
        <message>
            <source>End of training plus N years</source>
            <translation>Fin de formation plus N ans</translation>
        </message>
        <message>
            <source>English</source>
            <translation>Anglais</translation>
        </message>
        <message>
            <source>English text</source>
            <translation>Texte anglais</translation>
        </message>
        <message>
            <source>Enter: next field · Ctrl+Enter: record</source>
            <translation>Entrée : champ suivant · Ctrl+Entrée : enregistrer</translation>
        </message>
        <message>
            <source>Envelope offset saved.</source>
            <translation>Décalage d'enveloppe enregistré.</translation>
        </message>
        <message>
            <source>Erasure of data collected while a minor (LIL art. 51): handled first</source>
            <translation>Effacement de données collectées pendant la minorité (LIL art. 51) : traité en priorité</translation>
        </message>
        <message>
            <source>Erasure requested by a minor (LIL art. 51): handle without delay</source>
            <translation>Effacement demandé par un mineur (LIL art. 51) : à traiter sans délai</translation>
        </message>
        <message>
            <source>Error</source>
            <translation>Erreur</translation>
        </message>
        <message>
            <source>Error at line {line}: {message}</source>
            <translation>Erreur à la ligne {line} : {message}</translation>
        </message>
        <message>
            <source>Every file of the pack matches the manifest and the hashes sealed in the PDF.</source>
            <translation>Chaque fichier du dossier correspond au manifeste et aux empreintes scellées dans le PDF.</translation>
        </message>
        <message>
            <source>Every open request ({count}) in one pass</source>
            <translation>Toutes les demandes ouvertes ({count}) en un seul passage</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx);;CSV for Excel (*.csv)</source>
            <translation>Classeur Excel (*.xlsx);;CSV pour Excel (*.csv)</translation>
        </message>
        <message>
            <source>expiry date</source>
            <translation>date d'expiration</translation>
        </message>
        <message>
            <source>Expiry date:</source>
            <translation>Date d'expiration :</translation>
        </message>
        <message>
            <source>Export the certificate (PEM)…</source>
            <translation>Exporter le certificat (PEM)…</translation>
        </message>
        <message>
            <source>Export the record of requests</source>
            <translation>Exporter le registre des demandes</translation>
        </message>
        <message>
            <source>Export the record of requests…</source>
            <translation>Exporter le registre des demandes…</translation>
        </message>
        <message>
            <source>Exporting the record of requests…</source>
            <translation>Export du registre des demandes…</translation>
        </message>
        <message>
            <source>Exports (*.csv *.tsv *.txt *.jsonl *.ndjson *.json *.xlsx);;All files (*)</source>
            <translation>Exports (*.csv *.tsv *.txt *.jsonl *.ndjson *.json *.xlsx);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Extend by two months…</source>
            <translation>Prolonger de deux mois…</translation>
        </message>
        <message>
            <source>Extend the deadline — {ref}</source>
            <translation>Prolonger le délai — {ref}</translation>
        </message>
        <message>
            <source>Extended due date (D3):</source>
            <translation>Échéance prolongée (D3) :</translation>
        </message>
        <message>
            <source>Extension notice</source>
            <translation>Notification de prolongation</translation>
        </message>
        <message>
            <source>Extension:</source>
            <translation>Prolongation :</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Champ</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Fichier</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Fichiers</translation>
        </message>
        <message>
            <source>Files searched</source>
            <translation>Fichiers recherchés</translation>
        </message>
        <message>
            <source>Finding:</source>
            <translation>Constat :</translation>
        </message>
        <message>
            <source>Fingerprint (SHA-256)</source>
            <translation>Empreinte (SHA-256)</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>Terminer</translation>
        </message>
        <message>
            <source>First rows of {file}</source>
            <translation>Premières lignes de {file}</translation>
        </message>
        <message>
            <source>Fit</source>
            <translation>Ajuster</translation>
        </message>
        <message>
            <source>Fixed period</source>
            <translation>Durée fixe</translation>
        </message>
        <message>
            <source>Folder where the pack is written</source>
            <translation>Dossier où écrire le dossier de réponse</translation>
        </message>
        <message>
            <source>For an erasure, rectification or restriction, record for each recipient that it was informed, or why it could not be. The confirmation letter states exactly this, and is refused until every recipient has a record.</source>
            <translation>Pour un effacement, une rectification ou une limitation, enregistrez pour chaque destinataire qu'il a été informé, ou pourquoi il n'a pas pu l'être. La lettre de confirmation reprend exactement ces éléments, et elle est refusée tant qu'un destinataire n'a rien d'enregistré.</translation>
        </message>
        <message>
            <source>For example: our register of directives, checked on 25/11</source>
            <translation>Par exemple : notre registre des directives, consulté le 25/11</translation>
        </message>
        <message>
            <source>Format {format}: every check digit is right.</source>
            <translation>Format {format} : tous les chiffres de contrôle sont justes.</translation>
        </message>
        <message>
            <source>Format {format}: some check digits are wrong or the zone is malformed.</source>
            <translation>Format {format} : des chiffres de contrôle sont faux ou la bande est mal formée.</translation>
        </message>
        <message>
            <source>free text (other people may be named there)</source>
            <translation>texte libre (d'autres personnes peuvent y être nommées)</translation>
        </message>
        <message>
            <source>French</source>
            <translation>Français</translation>
        </message>
        <message>
            <source>French text</source>
            <translation>Texte français</translation>
        </message>
        <message>
            <source>Fro&amp;m</source>
            <translation>&amp;Du</translation>
        </message>
        <message>
            <source>from its columns</source>
            <translation>d'après ses colonnes</translation>
        </message>
        <message>
            <source>from its name</source>
            <translation>d'après son nom</translation>
        </message>
        <message>
            <source>From {party} ({name}).</source>
            <translation>À {party} ({name}).</translation>
        </message>
        <message>
            <source>from {start} to {end}</source>
            <translation>du {start} au {end}</translation>
        </message>
        <message>
            <source>Gather the export files</source>
            <translation>Rassembler les fichiers d'export</translation>
        </message>
        <message>
            <source>Gathering the confirmed data…</source>
            <translation>Rassemblement des données confirmées…</translation>
        </message>
        <message>
            <source>Give it to the person by another channel (telephone, SMS or post), never in the e-mail that carries the pack. It is not stored anywhere and cannot be shown again.</source>
            <translation>Communiquez-le à la personne par un autre canal (téléphone, SMS ou courrier), jamais dans le courriel qui porte le dossier. Il n'est conservé nulle part et ne pourra plus être affiché.</translation>
        </message>
        <message>
            <source>Given names SURNAME</source>
            <translation>Prénoms NOM</translation>
        </message>
        <message>
            <source>Go back to the shipped template? Your edited versions stay in the history.</source>
            <translation>Revenir au modèle d'origine ? Vos versions modifiées restent dans l'historique.</translation>
        </message>
        <message>
            <source>Ground for refusal:</source>
            <translation>Motif du refus :</translation>
        </message>
        <message>
            <source>Grounds</source>
            <translation>Fondement</translation>
        </message>
        <message>
            <source>Guide (F1)</source>
            <translation>Guide (F1)</translation>
        </message>
        <message>
            <source>Guide page</source>
            <translation>Page du guide</translation>
        </message>
        <message>
            <source>Hand delivery</source>
            <translation>Remise en main propre</translation>
        </message>
        <message>
            <source>Header row</source>
            <translation>Ligne d'en-tête</translation>
        </message>
        <message>
            <source>Heirs act only in the absence of directives, or within them (LIL art. 85). Look in the office's register of particular directives and ask the heirs whether general directives were registered with a trusted third party; the reply states exactly what you record here.</source>
            <translation>Les héritiers n'agissent qu'en l'absence de directives, ou dans leur limite (art. 85 de la loi Informatique et Libertés). Consultez le registre des directives particulières du service et demandez aux héritiers si des directives générales ont été enregistrées auprès d'un tiers de confiance ; la réponse indique exactement ce que vous enregistrez ici.</translation>
        </message>
        <message>
            <source>Here, “Export the certificate (PEM)…” writes that certificate to a file you can hand over.</source>
            <translation>Ici, « Exporter le certificat (PEM)… » écrit ce certificat dans un fichier à transmettre.</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>Historique…</translation>
        </message>
        <message>
            <source>Holder's signature present:</source>
            <translation>Signature du titulaire présente :</translation>
        </message>
        <message>
            <source>Holder:</source>
            <translation>Titulaire :</translation>
        </message>
        <message>
            <source>How and when it arrived</source>
            <translation>Arrivée de la demande</translation>
        </message>
        <message>
            <source>How identity was established</source>
            <translation>Comment l'identité a été établie</translation>
        </message>
        <message>
            <source>How it was checked:</source>
            <translation>Comment cela a été vérifié :</translation>
        </message>
        <message>
            <source>How these dates were computed:</source>
            <translation>Comment ces dates ont été calculées :</translation>
        </message>
        <message>
            <source>I have noted it</source>
            <translation>Je l'ai noté</translation>
        </message>
        <message>
            <source>I have written down or printed the recovery key and put it in a safe place.</source>
            <translation>J'ai noté ou imprimé la clé de secours et je l'ai rangée en lieu sûr.</translation>
        </message>
        <message>
            <source>ID received…</source>
            <translation>Pièce reçue…</translation>
        </message>
        <message>
            <source>Identifier added. Gather the files of those systems again to search them.</source>
            <translation>Identifiant ajouté. Rassemblez de nouveau les fichiers de ces systèmes pour y rechercher.</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identité</translation>
        </message>
        <message>
            <source>Identity confirmed: resume</source>
            <translation>Identité confirmée : reprendre</translation>
        </message>
        <message>
            <source>Identity established: {method}</source>
            <translation>Identité établie : {method}</translation>
        </message>
        <message>
            <source>Identity is established; nothing more is needed unless a new doubt arises.</source>
            <translation>L'identité est établie ; rien d'autre n'est nécessaire sauf nouveau doute.</translation>
        </message>
        <message>
            <source>Identity not established (Art. 12(2) and 12(6))</source>
            <translation>Identité non établie (art. 12(2) et 12(6))</translation>
        </message>
        <message>
            <source>If the reply went another way, say how and why (kept in the timeline and the statistics):</source>
            <translation>Si la réponse est partie autrement, dites comment et pourquoi (conservé dans l'historique et les statistiques) :</translation>
        </message>
        <message>
            <source>Import a PKCS#12 file…</source>
            <translation>Importer un fichier PKCS#12…</translation>
        </message>
        <message>
            <source>Import an export file…</source>
            <translation>Importer un fichier d'export…</translation>
        </message>
        <message>
            <source>Import export files</source>
            <translation>Importer des fichiers d'export</translation>
        </message>
        <message>
            <source>Imported certificate</source>
            <translation>Certificat importé</translation>
        </message>
        <message>
            <source>Impossible to inform</source>
            <translation>Information impossible</translation>
        </message>
        <message>
            <source>impossible: {reason}</source>
            <translation>impossible : {reason}</translation>
        </message>
        <message numerus="yes">
            <source>in %n file(s) of {system}</source>
            <translation>
                <numerusform>dans %n fichier de {system}</numerusform>
                <numerusform>dans %n fichiers de {system}</numerusform>
            </translation>
        </message>
        <message>
            <source>In “{field}”: “{text}”</source>
            <translation>Dans « {field} » : « {text} »</translation>
        </message>
        <message>
            <source>Information</source>
            <translation>Information</translation>
        </message>
        <message>
            <source>Informed</source>
            <translation>Informé</translation>
        </message>
        <message>
            <source>informed on {date} ({means})</source>
            <translation>informé le {date} ({means})</translation>
        </message>
        <message>
            <source>Informed on:</source>
            <translation>Informé le :</translation>
        </message>
        <message>
            <source>Intact</source>
            <translation>Intègre</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>Langue de l'interface</translation>
        </message>
        <message>
            <source>Internal</source>
            <translation>Interne</translation>
        </message>
        <message>
            <source>Internal note (staff only, never printed):</source>
            <translation>Note interne (équipe seulement, jamais imprimée) :</translation>
        </message>
        <message>
            <source>Internal seal (self-signed)</source>
            <translation>Sceau interne (auto-signé)</translation>
        </message>
        <message>
            <source>Internal seal created. {warning}</source>
            <translation>Sceau interne créé. {warning}</translation>
        </message>
        <message>
            <source>Issued by:</source>
            <translation>Émis par :</translation>
        </message>
        <message>
            <source>issuing country</source>
            <translation>pays de délivrance</translation>
        </message>
        <message>
            <source>Issuing country:</source>
            <translation>Pays de délivrance :</translation>
        </message>
        <message>
            <source>Justification (required):</source>
            <translation>Justification (obligatoire) :</translation>
        </message>
        <message>
            <source>Keep an e-mail (.eml, .msg)…</source>
            <translation>Conserver un courriel (.eml, .msg)…</translation>
        </message>
        <message>
            <source>Keep closed cases for</source>
            <translation>Conserver les dossiers clos pendant</translation>
        </message>
        <message>
            <source>Keep the e-mail it came in, or type the text of the letter or call: it is the request itself.</source>
            <translation>Conservez le courriel qui l'a apportée, ou saisissez le texte de la lettre ou de l'appel : c'est la demande elle-même.</translation>
        </message>
        <message>
            <source>Keep this text</source>
            <translation>Conserver ce texte</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>Chiffres clés</translation>
        </message>
        <message>
            <source>Key slots</source>
            <translation>Emplacements de clé</translation>
        </message>
        <message>
            <source>Key slots…</source>
            <translation>Emplacements de clé…</translation>
        </message>
        <message>
            <source>Keyboard: Ctrl+Enter confirms, Ctrl+Delete rejects the selected match.</source>
            <translation>Clavier : Ctrl+Entrée confirme, Ctrl+Suppr rejette la correspondance choisie.</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Nature :</translation>
        </message>
        <message>
            <source>Language of the reply:</source>
            <translation>Langue de la réponse :</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Langue :</translation>
        </message>
        <message>
            <source>Last pack: {file}, {when} by {who}; SHA-256 {sha}…{encrypted}</source>
            <translation>Dernier dossier : {file}, le {when} par {who} ; SHA-256 {sha}…{encrypted}</translation>
        </message>
        <message>
            <source>Laying out the letter and annexes…</source>
            <translation>Mise en page de la lettre et des annexes…</translation>
        </message>
        <message>
            <source>Legal basis</source>
            <translation>Base légale</translation>
        </message>
        <message>
            <source>Legal due date (D1):</source>
            <translation>Échéance légale (D1) :</translation>
        </message>
        <message>
            <source>Legal due date (D1): {d1} · policy target: {t}</source>
            <translation>Échéance légale (D1) : {d1} · objectif interne : {t}</translation>
        </message>
        <message>
            <source>Legal obligation (Art. 6(1)(c))</source>
            <translation>Obligation légale (art. 6.1.c)</translation>
        </message>
        <message>
            <source>Legal privilege</source>
            <translation>Secret professionnel (avocat)</translation>
        </message>
        <message>
            <source>Legitimate interests (Art. 6(1)(f))</source>
            <translation>Intérêts légitimes (art. 6.1.f)</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Lettre</translation>
        </message>
        <message>
            <source>Letter language:</source>
            <translation>Langue de la lettre :</translation>
        </message>
        <message>
            <source>Letter saved: {path}</source>
            <translation>Lettre enregistrée : {path}</translation>
        </message>
        <message>
            <source>Letter sent on:</source>
            <translation>Lettre envoyée le :</translation>
        </message>
        <message>
            <source>Letter templates</source>
            <translation>Modèles de lettres</translation>
        </message>
        <message>
            <source>Letter templates…</source>
            <translation>Modèles de lettres…</translation>
        </message>
        <message>
            <source>Letter:</source>
            <translation>Lettre :</translation>
        </message>
        <message>
            <source>Letterhead</source>
            <translation>En-tête</translation>
        </message>
        <message>
            <source>Letterhead and signature</source>
            <translation>En-tête et signature</translation>
        </message>
        <message>
            <source>Letterhead and signature…</source>
            <translation>En-tête et signature…</translation>
        </message>
        <message>
            <source>Letterhead saved.</source>
            <translation>En-tête enregistré.</translation>
        </message>
        <message>
            <source>Licence: MIT. Qt (LGPL-3.0) and the other libraries it ships, with their licences: Help → Licences.</source>
            <translation>Licence : MIT. Qt (LGPL-3.0) et les autres bibliothèques livrées, avec leurs licences : Aide → Licences.</translation>
        </message>
        <message>
            <source>Licences</source>
            <translation>Licences</translation>
        </message>
        <message>
            <source>line {line}: {problem}</source>
            <translation>ligne {line} : {problem}</translation>
        </message>
        <message>
            <source>Load this version into the editor</source>
            <translation>Charger cette version dans l'éditeur</translation>
        </message>
        <message>
            <source>Lock after inactivity</source>
            <translation>Verrouiller après inactivité</translation>
        </message>
        <message>
            <source>Lock now</source>
            <translation>Verrouiller maintenant</translation>
        </message>
        <message>
            <source>Locked</source>
            <translation>Verrouillé</translation>
        </message>
        <message>
            <source>Locked after {minutes} minutes without activity. The register was backed up and closed.</source>
            <translation>Verrouillé après {minutes} minutes d'inactivité. Le registre a été sauvegardé et fermé.</translation>
        </message>
        <message>
            <source>Locks itself after {minutes} min without activity</source>
            <translation>Se verrouille après {minutes} min d'inactivité</translation>
        </message>
        <message>
            <source>Logo (PNG):</source>
            <translation>Logo (PNG) :</translation>
        </message>
        <message>
            <source>looks like an ID document</source>
            <translation>ressemble à une pièce d'identité</translation>
        </message>
        <message>
            <source>looks like an ID document: send it to the ID check from the case's Request tab</source>
            <translation>ressemble à une pièce d'identité : transmettez-la au contrôle d'identité depuis l'onglet Demande du dossier</translation>
        </message>
        <message>
            <source>Machine-readable zone (MRZ)</source>
            <translation>Bande lisible par machine (MRZ)</translation>
        </message>
        <message>
            <source>Manifest</source>
            <translation>Manifeste</translation>
        </message>
        <message>
            <source>Manifestly unfounded or excessive (Art. 12(5))</source>
            <translation>Manifestement infondée ou excessive (art. 12(5))</translation>
        </message>
        <message>
            <source>Manifestly unfounded or excessive — {ref}</source>
            <translation>Manifestement infondée ou excessive — {ref}</translation>
        </message>
        <message>
            <source>Manifestly unfounded or excessive:</source>
            <translation>Manifestement infondée ou excessive :</translation>
        </message>
        <message>
            <source>Mark manifestly unfounded…</source>
            <translation>Qualifier de manifestement infondée…</translation>
        </message>
        <message>
            <source>Mark not applicable</source>
            <translation>Marquer sans objet</translation>
        </message>
        <message>
            <source>Mark not applicable…</source>
            <translation>Marquer sans objet…</translation>
        </message>
        <message>
            <source>Mark ready to send</source>
            <translation>Marquer prête à envoyer</translation>
        </message>
        <message>
            <source>Marked manifestly unfounded or excessive: {why}</source>
            <translation>Qualifiée de manifestement infondée ou excessive : {why}</translation>
        </message>
        <message>
            <source>Matched on</source>
            <translation>Correspond par</translation>
        </message>
        <message>
            <source>Matches</source>
            <translation>Correspondances</translation>
        </message>
        <message>
            <source>Matches found by the e-mail column holding the subject's exact address, in every system.</source>
            <translation>Correspondances trouvées par la colonne e-mail contenant l'adresse exacte de la personne, dans tous les systèmes.</translation>
        </message>
        <message>
            <source>Matches of</source>
            <translation>Correspondances de</translation>
        </message>
        <message>
            <source>Minor's erasure (LIL art. 51)</source>
            <translation>Effacement par un mineur (LIL art. 51)</translation>
        </message>
        <message>
            <source>Minor's registration in {system} — {text}</source>
            <translation>Inscription d'un mineur dans {system} — {text}</translation>
        </message>
        <message>
            <source>Month by month: received and answered</source>
            <translation>Mois par mois : reçues et répondues</translation>
        </message>
        <message>
            <source>Month by month: requests received and replies dispatched</source>
            <translation>Mois par mois : demandes reçues et réponses envoyées</translation>
        </message>
        <message>
            <source>more information needed</source>
            <comment>state of a proof</comment>
            <translation>informations complémentaires nécessaires</translation>
        </message>
        <message>
            <source>Move down (mm, negative = up):</source>
            <translation>Décaler vers le bas (mm, négatif = vers le haut) :</translation>
        </message>
        <message>
            <source>Move right (mm, negative = left):</source>
            <translation>Décaler à droite (mm, négatif = à gauche) :</translation>
        </message>
        <message>
            <source>N years from issue</source>
            <translation>N ans à compter de la délivrance</translation>
        </message>
        <message>
            <source>N years from the end of the relationship</source>
            <translation>N ans à compter de la fin de la relation</translation>
        </message>
        <message>
            <source>name</source>
            <translation>nom</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Nom</translation>
        </message>
        <message>
            <source>Name (First LAST):</source>
            <translation>Nom (Prénom NOM) :</translation>
        </message>
        <message>
            <source>name and date of birth</source>
            <translation>nom et date de naissance</translation>
        </message>
        <message>
            <source>Name of the person (shown in the audit log)</source>
            <translation>Nom de la personne (visible dans le journal d'audit)</translation>
        </message>
        <message>
            <source>Name on the document:</source>
            <translation>Nom sur le document :</translation>
        </message>
        <message>
            <source>Names the data subject as the child:</source>
            <translation>Désigne la personne concernée comme l'enfant :</translation>
        </message>
        <message>
            <source>Names the requester as parent:</source>
            <translation>Désigne le demandeur comme parent :</translation>
        </message>
        <message>
            <source>National (France)</source>
            <translation>France entière</translation>
        </message>
        <message>
            <source>New activity</source>
            <translation>Nouvelle activité</translation>
        </message>
        <message>
            <source>New activity…</source>
            <translation>Nouvelle activité…</translation>
        </message>
        <message>
            <source>New due date if extended (D3):</source>
            <translation>Nouvelle échéance si prolongée (D3) :</translation>
        </message>
        <message>
            <source>New recovery key</source>
            <translation>Nouvelle clé de secours</translation>
        </message>
        <message>
            <source>New request</source>
            <translation>Nouvelle demande</translation>
        </message>
        <message>
            <source>New request…</source>
            <translation>Nouvelle demande…</translation>
        </message>
        <message>
            <source>New slot</source>
            <translation>Nouvel emplacement</translation>
        </message>
        <message>
            <source>Next &gt;</source>
            <translation>Suivant &gt;</translation>
        </message>
        <message>
            <source>Next step:</source>
            <translation>Étape suivante :</translation>
        </message>
        <message>
            <source>no</source>
            <translation>non</translation>
        </message>
        <message>
            <source>No certificate to trust was given: who sealed the file is not confirmed.</source>
            <translation>Aucun certificat de confiance n'a été donné : l'auteur du sceau n'est pas confirmé.</translation>
        </message>
        <message>
            <source>No column can find a person yet: map an e-mail, a phone, a student number, or a name with a date of birth.</source>
            <translation>Aucune colonne ne permet encore de trouver une personne : associez un e-mail, un téléphone, un numéro d'étudiant, ou un nom avec une date de naissance.</translation>
        </message>
        <message>
            <source>No deadline running: the request is {state}.</source>
            <translation>Aucun délai en cours : la demande est {state}.</translation>
        </message>
        <message>
            <source>No header gives the receipt moment: type it.</source>
            <translation>Aucun en-tête ne donne le moment de réception : saisissez-le.</translation>
        </message>
        <message>
            <source>No ID document is asked for systematically: if one of these settles the doubt about {name}'s identity, record it with one click.</source>
            <translation>Aucune pièce d'identité n'est demandée systématiquement : si l'un de ces moyens lève le doute sur l'identité de {name}, enregistrez-le en un clic.</translation>
        </message>
        <message>
            <source>No logo</source>
            <translation>Pas de logo</translation>
        </message>
        <message>
            <source>No match yet. Use “Import an export file…” to search a system's export for this person.</source>
            <translation>Aucune correspondance pour l'instant. Utilisez « Importer un fichier d'export… » pour chercher cette personne dans l'export d'un système.</translation>
        </message>
        <message>
            <source>No message is kept for this request</source>
            <translation>Aucun message n'est conservé pour cette demande</translation>
        </message>
        <message>
            <source>No open request.</source>
            <translation>Aucune demande ouverte.</translation>
        </message>
        <message>
            <source>No redaction.</source>
            <translation>Aucun masquage.</translation>
        </message>
        <message>
            <source>No register at this location yet. Choose another file, or create a new register.</source>
            <translation>Pas encore de registre à cet emplacement. Choisissez un autre fichier ou créez un nouveau registre.</translation>
        </message>
        <message>
            <source>No request was received in this period.</source>
            <translation>Aucune demande reçue sur cette période.</translation>
        </message>
        <message>
            <source>No response pack built yet.</source>
            <translation>Aucun dossier de réponse produit pour l'instant.</translation>
        </message>
        <message>
            <source>No right recognised in the text: tick the rights asked for.</source>
            <translation>Aucun droit reconnu dans le texte : cochez les droits demandés.</translation>
        </message>
        <message>
            <source>No scan to destroy.</source>
            <translation>Aucun scan à détruire.</translation>
        </message>
        <message>
            <source>No scan: the proof was seen on paper or in person.</source>
            <translation>Pas de scan : la preuve a été vue sur papier ou en personne.</translation>
        </message>
        <message>
            <source>No seal certificate yet: import the office's certificate or create an internal seal (Documents → Letterhead and signature…).</source>
            <translation>Pas encore de certificat de scellement : importez le certificat du bureau ou créez un sceau interne (Documents → En-tête et signature…).</translation>
        </message>
        <message>
            <source>No seal certificate yet: response packs cannot be sealed.</source>
            <translation>Pas encore de certificat de scellement : les dossiers de réponse ne peuvent pas être scellés.</translation>
        </message>
        <message>
            <source>no system chosen</source>
            <translation>aucun système choisi</translation>
        </message>
        <message>
            <source>None found.</source>
            <translation>Aucune.</translation>
        </message>
        <message>
            <source>Not a date: type DD/MM/YYYY.</source>
            <translation>Pas une date : saisissez JJ/MM/AAAA.</translation>
        </message>
        <message>
            <source>Not applicable to this request</source>
            <translation>Sans objet pour cette demande</translation>
        </message>
        <message>
            <source>Not applicable: {reason}</source>
            <translation>Sans objet : {reason}</translation>
        </message>
        <message>
            <source>not checked yet</source>
            <translation>pas encore vérifié</translation>
        </message>
        <message>
            <source>Not established yet.</source>
            <translation>Pas encore établie.</translation>
        </message>
        <message>
            <source>Not marked searched: no column of {files} can identify a person.</source>
            <translation>Non marqué recherché : aucune colonne de {files} ne permet d'identifier une personne.</translation>
        </message>
        <message>
            <source>Not marked searched: the request has none of the identifiers these columns can match.</source>
            <translation>Non marqué recherché : la demande n'a aucun des identifiants que ces colonnes peuvent trouver.</translation>
        </message>
        <message>
            <source>not requested</source>
            <comment>state of a proof</comment>
            <translation>pas de demande</translation>
        </message>
        <message>
            <source>Not searched yet</source>
            <translation>Pas encore recherché</translation>
        </message>
        <message>
            <source>not searched yet: its files find a person only by {needs}, which the request lacks</source>
            <translation>pas encore recherché : ses fichiers ne trouvent une personne que par {needs}, que la demande n'indique pas</translation>
        </message>
        <message>
            <source>not searched yet: no column of {files} can identify a person; map a column or set the file aside</source>
            <translation>pas encore recherché : aucune colonne de {files} ne permet d'identifier une personne ; associez une colonne ou écartez le fichier</translation>
        </message>
        <message>
            <source>Not searched: an identifier is missing</source>
            <translation>Non recherché : il manque un identifiant</translation>
        </message>
        <message>
            <source>Not searched: no column identifies a person</source>
            <translation>Non recherché : aucune colonne n'identifie une personne</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Note (required to verify when a check fails or is missing):</source>
            <translation>Note (obligatoire pour vérifier si un contrôle échoue ou manque) :</translation>
        </message>
        <message>
            <source>Note for the timeline:</source>
            <translation>Note pour l'historique :</translation>
        </message>
        <message>
            <source>Note: {text}</source>
            <translation>Note : {text}</translation>
        </message>
        <message>
            <source>Nothing blocks the response pack: every system is searched or set aside, every match is reviewed, and the Article 15 information is complete.</source>
            <translation>Rien ne bloque le dossier de réponse : chaque système est consulté ou écarté, chaque correspondance est examinée et les informations de l'article 15 sont complètes.</translation>
        </message>
        <message>
            <source>Nothing changed: the register stays at version {version}.</source>
            <translation>Rien n'a changé : le registre reste à la version {version}.</translation>
        </message>
        <message>
            <source>Nothing from the register stays on screen or in memory while it is locked.</source>
            <translation>Rien du registre ne reste à l'écran ni en mémoire tant qu'il est verrouillé.</translation>
        </message>
        <message>
            <source>Nothing is due today.</source>
            <translation>Rien n'arrive à échéance aujourd'hui.</translation>
        </message>
        <message>
            <source>nothing recorded</source>
            <translation>rien d'enregistré</translation>
        </message>
        <message>
            <source>Nothing was changed since the seal was applied.</source>
            <translation>Rien n'a changé depuis l'apposition du sceau.</translation>
        </message>
        <message>
            <source>notice sent {date}: {reason}</source>
            <translation>notifiée le {date} : {reason}</translation>
        </message>
        <message>
            <source>Oldest: {ref}, {left}.</source>
            <translation>La plus ancienne : {ref}, {left}.</translation>
        </message>
        <message>
            <source>One row per request received in the period, with its facts (RULES F): for an audit or the CNIL.</source>
            <translation>Une ligne par demande reçue sur la période, avec ses faits : pour un audit ou la CNIL.</translation>
        </message>
        <message>
            <source>One system's files, with the header row and the columns set by hand.</source>
            <translation>Les fichiers d'un seul système, avec la ligne d'en-tête et les colonnes choisies à la main.</translation>
        </message>
        <message>
            <source>Only if a reasonable doubt remains: ask for an ID document.</source>
            <translation>Seulement si un doute raisonnable subsiste : demandez une pièce d'identité.</translation>
        </message>
        <message>
            <source>Only the last 4 characters are kept in the register.</source>
            <translation>Seuls les 4 derniers caractères sont conservés dans le registre.</translation>
        </message>
        <message>
            <source>Only the last 4 characters are kept in the register: {last4}</source>
            <translation>Seuls les 4 derniers caractères sont conservés dans le registre : {last4}</translation>
        </message>
        <message>
            <source>Open a register</source>
            <translation>Ouvrir un registre</translation>
        </message>
        <message>
            <source>Open an e-mail</source>
            <translation>Ouvrir un courriel</translation>
        </message>
        <message>
            <source>Open an e-mail (.eml, .msg)…</source>
            <translation>Ouvrir un courriel (.eml, .msg)…</translation>
        </message>
        <message>
            <source>Open requests</source>
            <translation>Demandes ouvertes</translation>
        </message>
        <message>
            <source>Open requests: priority ones first, then the most urgent (double-click or Enter to open)</source>
            <translation>Demandes ouvertes : les prioritaires d'abord, puis les plus urgentes (double-clic ou Entrée pour ouvrir)</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>facultatif</translation>
        </message>
        <message>
            <source>optional data</source>
            <translation>données facultatives</translation>
        </message>
        <message>
            <source>Or drop the message here, or onto the main window. Its text stays with the request.</source>
            <translation>Ou déposez le message ici, ou sur la fenêtre principale. Son texte reste avec la demande.</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>Organisme :</translation>
        </message>
        <message>
            <source>Other ground</source>
            <translation>Autre motif</translation>
        </message>
        <message>
            <source>Other period</source>
            <translation>Autre période</translation>
        </message>
        <message>
            <source>Other reason</source>
            <translation>Autre motif</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Issue</translation>
        </message>
        <message>
            <source>Outcome:</source>
            <translation>Résultat :</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>En retard</translation>
        </message>
        <message>
            <source>Overdue by 1 day</source>
            <translation>En retard d'1 jour</translation>
        </message>
        <message>
            <source>Overdue by {n} days</source>
            <translation>En retard de {n} jours</translation>
        </message>
        <message>
            <source>Pack (*.zip)</source>
            <translation>Dossier (*.zip)</translation>
        </message>
        <message>
            <source>Pack or sealed PDF:</source>
            <translation>Dossier ou PDF scellé :</translation>
        </message>
        <message>
            <source>Page {page} / {pages}</source>
            <translation>Page {page} / {pages}</translation>
        </message>
        <message>
            <source>Page {page} of {total}</source>
            <translation>Page {page} sur {total}</translation>
        </message>
        <message>
            <source>Page ▶</source>
            <translation>Page ▶</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>Phrase de passe</translation>
        </message>
        <message>
            <source>Passphrase again</source>
            <translation>Phrase de passe (à nouveau)</translation>
        </message>
        <message>
            <source>Passphrase of '{label}' changed.</source>
            <translation>Phrase de passe de « {label} » changée.</translation>
        </message>
        <message>
            <source>Passphrase or recovery key</source>
            <translation>Phrase de passe ou clé de secours</translation>
        </message>
        <message>
            <source>Passphrase strength</source>
            <translation>Robustesse de la phrase de passe</translation>
        </message>
        <message>
            <source>Password (encrypted pack):</source>
            <translation>Mot de passe (dossier chiffré) :</translation>
        </message>
        <message>
            <source>Password (leave empty if none):</source>
            <translation>Mot de passe (vide s'il n'y en a pas) :</translation>
        </message>
        <message>
            <source>Password of the pack — shown once</source>
            <translation>Mot de passe du dossier — affiché une seule fois</translation>
        </message>
        <message>
            <source>Password of the PKCS#12 file</source>
            <translation>Mot de passe du fichier PKCS#12</translation>
        </message>
        <message>
            <source>Paste an e-mail</source>
            <translation>Coller un courriel</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Fichiers PDF (*.pdf)</translation>
        </message>
        <message>
            <source>People</source>
            <translation>Personnes</translation>
        </message>
        <message>
            <source>personal number</source>
            <translation>numéro personnel</translation>
        </message>
        <message>
            <source>phone</source>
            <translation>téléphone</translation>
        </message>
        <message>
            <source>Phone:</source>
            <translation>Téléphone :</translation>
        </message>
        <message>
            <source>Place (for the date line):</source>
            <translation>Lieu (pour la ligne de date) :</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>Image PNG (*.png)</translation>
        </message>
        <message>
            <source>Policy target (30 days):</source>
            <translation>Objectif interne (30 jours) :</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>Courrier postal</translation>
        </message>
        <message>
            <source>Post-mortem directives</source>
            <translation>Directives post mortem</translation>
        </message>
        <message>
            <source>Post-mortem directives (heir)…</source>
            <translation>Directives post mortem (héritier)…</translation>
        </message>
        <message>
            <source>Postal address:</source>
            <translation>Adresse postale :</translation>
        </message>
        <message>
            <source>Prepare e-mail…</source>
            <translation>Préparer le courriel…</translation>
        </message>
        <message>
            <source>Preview of this letter for this request ({pages} pages): nothing is sent or recorded.</source>
            <translation>Aperçu de cette lettre pour cette demande ({pages} pages) : rien n'est envoyé ni enregistré.</translation>
        </message>
        <message>
            <source>Preview of this letter for this request: nothing is sent or recorded.</source>
            <translation>Aperçu de cette lettre pour cette demande : rien n'est envoyé ni enregistré.</translation>
        </message>
        <message>
            <source>Previewed with request {ref}.</source>
            <translation>Aperçu avec la demande {ref}.</translation>
        </message>
        <message>
            <source>Previewed with the fictitious case {ref}.</source>
            <translation>Aperçu avec la demande fictive {ref}.</translation>
        </message>
        <message>
            <source>Print calibration page…</source>
            <translation>Imprimer la page d'étalonnage…</translation>
        </message>
        <message>
            <source>Print postal reply…</source>
            <translation>Imprimer la réponse postale…</translation>
        </message>
        <message>
            <source>Print the letter chosen above for a DL window envelope (the sealed response when a pack was just built), then record the date sent and the registered-letter number: the request becomes responded.</source>
            <translation>Imprimez la lettre choisie ci-dessus pour une enveloppe DL à fenêtre (la réponse scellée si un dossier vient d'être produit), puis enregistrez la date d'envoi et le numéro de recommandé : la demande devient répondue.</translation>
        </message>
        <message>
            <source>Print the recovery key</source>
            <translation>Imprimer la clé de secours</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>Priorité</translation>
        </message>
        <message>
            <source>Priority requests</source>
            <translation>Demandes prioritaires</translation>
        </message>
        <message>
            <source>Processing</source>
            <translation>Traitement</translation>
        </message>
        <message>
            <source>Processing register</source>
            <translation>Registre des traitements</translation>
        </message>
        <message>
            <source>Processing register…</source>
            <translation>Registre des traitements…</translation>
        </message>
        <message>
            <source>Proof received…</source>
            <translation>Preuve reçue…</translation>
        </message>
        <message>
            <source>Pseudonymise (names, e-mails and addresses replaced by the reference)</source>
            <translation>Pseudonymiser (noms, courriels et adresses remplacés par la référence)</translation>
        </message>
        <message>
            <source>Public holidays</source>
            <translation>Jours fériés</translation>
        </message>
        <message>
            <source>Public task (Art. 6(1)(e))</source>
            <translation>Mission d'intérêt public (art. 6.1.e)</translation>
        </message>
        <message>
            <source>Purge</source>
            <translation>Purger</translation>
        </message>
        <message numerus="yes">
            <source>Purge %n request(s) for good? Everything the register holds about them is deleted; a tombstone (reference, dates, rights, outcome) stays in the audit log. Packs exported earlier are outside the register and are not deleted.</source>
            <translation>
                <numerusform>Purger définitivement %n demande ? Tout ce que le registre détient à son sujet est supprimé ; une trace (référence, dates, droits, issue) reste dans le journal d'audit. Les dossiers exportés auparavant sont hors du registre et ne sont pas supprimés.</numerusform>
                <numerusform>Purger définitivement %n demandes ? Tout ce que le registre détient à leur sujet est supprimé ; une trace (référence, dates, droits, issue) reste dans le journal d'audit. Les dossiers exportés auparavant sont hors du registre et ne sont pas supprimés.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Purge these %n request(s)…</source>
            <translation>
                <numerusform>Purger cette demande…</numerusform>
                <numerusform>Purger ces %n demandes…</numerusform>
            </translation>
        </message>
        <message>
            <source>Purging the requests…</source>
            <translation>Purge des demandes…</translation>
        </message>
        <message>
            <source>Purposes (one per line)</source>
            <translation>Finalités (une par ligne)</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quitter</translation>
        </message>
        <message>
            <source>Re&amp;ject — someone else</source>
            <translation>Re&amp;jeter — quelqu'un d'autre</translation>
        </message>
        <message>
            <source>Re&amp;striction (Art. 18)</source>
            <translation>&amp;Limitation (art. 18)</translation>
        </message>
        <message>
            <source>Reading the e-mail…</source>
            <translation>Lecture du courriel…</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>Motif</translation>
        </message>
        <message>
            <source>Reason (if not informed):</source>
            <translation>Motif (si non informé) :</translation>
        </message>
        <message>
            <source>Reason (kept with the redaction, shown in the case)</source>
            <translation>Motif (conservé avec le masquage, visible dans le dossier)</translation>
        </message>
        <message>
            <source>Reason stated to the person (printed in the letter):</source>
            <translation>Motif adressé à la personne (imprimé dans la lettre) :</translation>
        </message>
        <message>
            <source>reason: {reason}</source>
            <translation>motif : {reason}</translation>
        </message>
        <message>
            <source>Reasonable doubt about the requester's identity (Art. 12(6)): write it as a full sentence to the person; it is printed in the request letter.</source>
            <translation>Doute raisonnable sur l'identité du demandeur (art. 12(6)) : rédigez-le en une phrase complète adressée à la personne ; il est imprimé dans la lettre de demande.</translation>
        </message>
        <message>
            <source>Reasons given to the person (required):</source>
            <translation>Motifs communiqués à la personne (obligatoires) :</translation>
        </message>
        <message>
            <source>Reasons given to the person:</source>
            <translation>Motifs communiqués à la personne :</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Reçue le</translation>
        </message>
        <message>
            <source>Received</source>
            <comment>chart legend</comment>
            <translation>Reçues</translation>
        </message>
        <message>
            <source>Received on {date}.</source>
            <translation>Réception le {date}.</translation>
        </message>
        <message>
            <source>Received on {date}. Now check the document.</source>
            <translation>Réception le {date}. Vérifiez maintenant le document.</translation>
        </message>
        <message numerus="yes">
            <source>Received on {date}; the clock runs again (%n day(s) stopped). Due date: {due}.</source>
            <translation>
                <numerusform>Réception le {date} ; le délai reprend (%n jour de suspension). Échéance : {due}.</numerusform>
                <numerusform>Réception le {date} ; le délai reprend (%n jours de suspension). Échéance : {due}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Received on:</source>
            <translation>Reçue le :</translation>
        </message>
        <message>
            <source>Received {paris} Paris time, from the {header} header: {text}</source>
            <translation>Reçue le {paris} (heure de Paris), d'après l'en-tête {header} : {text}</translation>
        </message>
        <message>
            <source>received, to be checked</source>
            <comment>state of a proof</comment>
            <translation>réception faite, à vérifier</translation>
        </message>
        <message>
            <source>Received:</source>
            <translation>Reçue le :</translation>
        </message>
        <message>
            <source>Recipient</source>
            <translation>Destinataire</translation>
        </message>
        <message>
            <source>Recipients (one per line)</source>
            <translation>Destinataires (un par ligne)</translation>
        </message>
        <message>
            <source>Recipients informed (Art. 19)</source>
            <translation>Destinataires informés (art. 19)</translation>
        </message>
        <message>
            <source>Recipients informed (Art. 19)…</source>
            <translation>Destinataires informés (art. 19)…</translation>
        </message>
        <message>
            <source>Record a withdrawal…</source>
            <translation>Enregistrer un retrait…</translation>
        </message>
        <message>
            <source>Record dispatch…</source>
            <translation>Enregistrer l'envoi…</translation>
        </message>
        <message>
            <source>Record for the selected recipient</source>
            <translation>Enregistrer pour le destinataire choisi</translation>
        </message>
        <message>
            <source>Record that the requester withdrew request {ref}?</source>
            <translation>Enregistrer que le demandeur a retiré la demande {ref} ?</translation>
        </message>
        <message>
            <source>Record the decision…</source>
            <translation>Enregistrer la décision…</translation>
        </message>
        <message>
            <source>Record the dispatch — {ref}</source>
            <translation>Enregistrer l'envoi — {ref}</translation>
        </message>
        <message numerus="yes">
            <source>Record “{decision}” for the {proof}?

The scan (%n file(s)) will then be destroyed: its bytes are erased from the register and cannot be recovered. Only the checklist facts are kept.</source>
            <translation>
                <numerusform>Enregistrer « {decision} » pour : {proof} ?

Le scan (%n fichier) sera ensuite détruit : ses octets sont effacés du registre et ne peuvent pas être récupérés. Seuls les faits de la liste de contrôle sont conservés.</numerusform>
                <numerusform>Enregistrer « {decision} » pour : {proof} ?

Le scan (%n fichiers) sera ensuite détruit : ses octets sont effacés du registre et ne peuvent pas être récupérés. Seuls les faits de la liste de contrôle sont conservés.</numerusform>
            </translation>
        </message>
        <message>
            <source>Record “{decision}” for the {proof}? No scan is stored (seen on paper or in person).</source>
            <translation>Enregistrer « {decision} » pour : {proof} ? Aucun scan n'est conservé (vu sur papier ou en personne).</translation>
        </message>
        <message>
            <source>record-of-requests-{start}-{end}.xlsx</source>
            <translation>registre-des-demandes-{start}-{end}.xlsx</translation>
        </message>
        <message>
            <source>Record: {method}</source>
            <translation>Enregistrer : {method}</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>Enregistré</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>Clé de secours</translation>
        </message>
        <message>
            <source>Recti&amp;fication (Art. 16)</source>
            <translation>Rec&amp;tification (art. 16)</translation>
        </message>
        <message>
            <source>Red: overdue. Amber: due within 7 days. The text always says how many days are left.</source>
            <translation>Rouge : en retard. Orange : échéance sous 7 jours. Le texte indique toujours les jours restants.</translation>
        </message>
        <message>
            <source>Redact</source>
            <translation>Masquer</translation>
        </message>
        <message>
            <source>Redact the selected text…</source>
            <translation>Masquer le texte sélectionné…</translation>
        </message>
        <message>
            <source>Redact the whole field…</source>
            <translation>Masquer tout le champ…</translation>
        </message>
        <message>
            <source>Redact with a reason</source>
            <translation>Masquer avec un motif</translation>
        </message>
        <message>
            <source>Redactions</source>
            <translation>Masquages</translation>
        </message>
        <message>
            <source>Redactions of this row</source>
            <translation>Masquages de cette ligne</translation>
        </message>
        <message>
            <source>Reference</source>
            <translation>Référence</translation>
        </message>
        <message>
            <source>Reference:</source>
            <translation>Référence :</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Actualiser</translation>
        </message>
        <message>
            <source>Refuse the request — {ref}</source>
            <translation>Refuser la demande — {ref}</translation>
        </message>
        <message>
            <source>Refuse…</source>
            <translation>Refuser…</translation>
        </message>
        <message>
            <source>Register file</source>
            <translation>Fichier du registre</translation>
        </message>
        <message>
            <source>Register of data-subject requests</source>
            <translation>Registre des demandes de droits des personnes</translation>
        </message>
        <message>
            <source>Register settings</source>
            <translation>Réglages du registre</translation>
        </message>
        <message>
            <source>Register: {name}</source>
            <translation>Registre : {name}</translation>
        </message>
        <message>
            <source>registered letter {number}</source>
            <translation>lettre recommandée {number}</translation>
        </message>
        <message>
            <source>Registered-letter number:</source>
            <translation>Numéro de lettre recommandée :</translation>
        </message>
        <message>
            <source>Registrations or applications (minors' check)</source>
            <translation>Inscriptions ou candidatures (contrôle des mineurs)</translation>
        </message>
        <message>
            <source>Reject row {row} of {file}? It is not about the subject: its content is deleted from the register.</source>
            <translation>Rejeter la ligne {row} de {file} ? Elle ne concerne pas la personne : son contenu est supprimé du registre.</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>rejetée</translation>
        </message>
        <message>
            <source>rejected</source>
            <comment>state of a proof</comment>
            <translation>vérification : non conforme</translation>
        </message>
        <message>
            <source>Remember on this workstation</source>
            <translation>Mémoriser sur ce poste</translation>
        </message>
        <message>
            <source>remembered columns</source>
            <translation>colonnes mémorisées</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Supprimer</translation>
        </message>
        <message>
            <source>Remove the logo</source>
            <translation>Retirer le logo</translation>
        </message>
        <message>
            <source>Remove the slot '{label}'? The register is then re-encrypted under a new key and every other slot re-wrapped, so that person can no longer open it, even with a copy of the key file made before. Backups made before today still open with that person's passphrase.</source>
            <translation>Supprimer l'emplacement « {label} » ? Le registre est alors rechiffré avec une nouvelle clé et tous les autres emplacements sont ré-enveloppés : cette personne ne pourra plus l'ouvrir, même avec une copie du fichier de clés faite avant. Les sauvegardes antérieures à aujourd'hui s'ouvrent encore avec sa phrase de passe.</translation>
        </message>
        <message>
            <source>Reopen…</source>
            <translation>Rouvrir…</translation>
        </message>
        <message>
            <source>Replace the recovery key? The current one will stop working, and the new one is shown only once.</source>
            <translation>Remplacer la clé de secours ? L'actuelle cessera de fonctionner et la nouvelle ne sera affichée qu'une fois.</translation>
        </message>
        <message>
            <source>Replace the recovery key…</source>
            <translation>Remplacer la clé de secours…</translation>
        </message>
        <message>
            <source>Reply sent on {date}</source>
            <translation>Réponse envoyée le {date}</translation>
        </message>
        <message>
            <source>Reply sent on {date} without a sealed pack: {reason}</source>
            <translation>Réponse envoyée le {date} sans dossier scellé : {reason}</translation>
        </message>
        <message>
            <source>Reply sent:</source>
            <translation>Réponse envoyée :</translation>
        </message>
        <message>
            <source>Reply with the response pack</source>
            <translation>Réponse avec le dossier de réponse</translation>
        </message>
        <message>
            <source>Reply without a sealed pack</source>
            <translation>Réponse sans dossier scellé</translation>
        </message>
        <message>
            <source>Report language:</source>
            <translation>Langue du rapport :</translation>
        </message>
        <message>
            <source>Report saved to {path}, its figures to {csv}.</source>
            <translation>Rapport enregistré dans {path}, ses chiffres dans {csv}.</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>Demande</translation>
        </message>
        <message>
            <source>Request an ID document…</source>
            <translation>Demander une pièce d'identité…</translation>
        </message>
        <message>
            <source>Request for proof of identity</source>
            <translation>Demande de justificatif d'identité</translation>
        </message>
        <message numerus="yes">
            <source>Request message kept in the register ({format}, %n attachment(s))</source>
            <translation>
                <numerusform>Message de la demande conservé dans le registre ({format}, %n pièce jointe)</numerusform>
                <numerusform>Message de la demande conservé dans le registre ({format}, %n pièces jointes)</numerusform>
            </translation>
        </message>
        <message>
            <source>Request recorded; legal due date {d1}</source>
            <translation>Demande enregistrée ; échéance légale le {d1}</translation>
        </message>
        <message>
            <source>Request {proof}…</source>
            <translation>Demander : {proof}…</translation>
        </message>
        <message>
            <source>Request:</source>
            <translation>Demande :</translation>
        </message>
        <message>
            <source>Requested on {date}. Reason for doubt: “{reason}”</source>
            <translation>Demande envoyée le {date}. Motif du doute : « {reason} »</translation>
        </message>
        <message>
            <source>requested, waiting for it</source>
            <comment>state of a proof</comment>
            <translation>demande envoyée, en attente</translation>
        </message>
        <message>
            <source>Requester is:</source>
            <translation>Le demandeur est :</translation>
        </message>
        <message>
            <source>Requester's e-mail:</source>
            <translation>Courriel du demandeur :</translation>
        </message>
        <message>
            <source>Requester's name:</source>
            <translation>Nom du demandeur :</translation>
        </message>
        <message>
            <source>Requester:</source>
            <translation>Demandeur :</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Demandes</translation>
        </message>
        <message>
            <source>Requests by channel</source>
            <translation>Demandes par canal</translation>
        </message>
        <message>
            <source>Requests by right</source>
            <translation>Demandes par droit</translation>
        </message>
        <message>
            <source>Requests by state</source>
            <translation>Demandes par état</translation>
        </message>
        <message>
            <source>Requests due for purge</source>
            <translation>Demandes à purger</translation>
        </message>
        <message>
            <source>Requests received from {start} to {end}, counted on their receipt date. Figures as of {date}. Counts only: nothing here identifies a person.</source>
            <translation>Demandes reçues du {start} au {end}, comptées à leur date de réception. Chiffres arrêtés au {date}. Décomptes uniquement : rien ici n'identifie une personne.</translation>
        </message>
        <message>
            <source>Response</source>
            <translation>Réponse</translation>
        </message>
        <message>
            <source>Response pack (*.zip *.pdf)</source>
            <translation>Dossier de réponse (*.zip *.pdf)</translation>
        </message>
        <message>
            <source>Response pack blocked until identity is settled</source>
            <translation>Réponse bloquée tant que l'identité n'est pas établie</translation>
        </message>
        <message>
            <source>Response pack blocked until parental authority is verified</source>
            <translation>Réponse bloquée tant que l'autorité parentale n'est pas vérifiée</translation>
        </message>
        <message numerus="yes">
            <source>Response pack built (%n page(s), SHA-256 {sha}…)</source>
            <translation>
                <numerusform>Dossier de réponse produit (%n page, SHA-256 {sha}…)</numerusform>
                <numerusform>Dossier de réponse produit (%n pages, SHA-256 {sha}…)</numerusform>
            </translation>
        </message>
        <message>
            <source>Response pack written:
{zip}
{pdf}
SHA-256 of the pack (kept in the case): {sha}</source>
            <translation>Dossier de réponse écrit :
{zip}
{pdf}
SHA-256 du dossier (conservée dans la demande) : {sha}</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>Restaurer une sauvegarde</translation>
        </message>
        <message>
            <source>Restore the backup {name} as a new register? The register you use today is not touched: the backup is written to a new file that you choose.</source>
            <translation>Restaurer la sauvegarde {name} comme nouveau registre ? Le registre que vous utilisez aujourd'hui n'est pas modifié : la sauvegarde est écrite dans un nouveau fichier que vous choisissez.</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Résultat</translation>
        </message>
        <message>
            <source>Retention</source>
            <translation>Conservation</translation>
        </message>
        <message>
            <source>Review and purge…</source>
            <translation>Examiner et purger…</translation>
        </message>
        <message>
            <source>Right filter</source>
            <translation>Filtre de droit</translation>
        </message>
        <message>
            <source>Rights</source>
            <translation>Droits</translation>
        </message>
        <message>
            <source>Rights invoked</source>
            <translation>Droits invoqués</translation>
        </message>
        <message>
            <source>Rights invoked:</source>
            <translation>Droits invoqués :</translation>
        </message>
        <message>
            <source>Rights suggested from the text, to confirm: {items}</source>
            <translation>Droits suggérés par le texte, à confirmer : {items}</translation>
        </message>
        <message>
            <source>Rotate 90°</source>
            <translation>Pivoter de 90°</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>Ligne</translation>
        </message>
        <message>
            <source>Row {row} of {file} — {status}</source>
            <translation>Ligne {row} de {file} — {status}</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Enregistrer</translation>
        </message>
        <message>
            <source>Save as a new version</source>
            <translation>Enregistrer une nouvelle version</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Enregistrer en PDF…</translation>
        </message>
        <message>
            <source>Save calibration page as PDF…</source>
            <translation>Enregistrer la page d'étalonnage en PDF…</translation>
        </message>
        <message>
            <source>Save the e-mail draft</source>
            <translation>Enregistrer le brouillon du courriel</translation>
        </message>
        <message>
            <source>Save the letter asking for the proof</source>
            <translation>Enregistrer la lettre de demande de justificatif</translation>
        </message>
        <message>
            <source>Save the letterhead</source>
            <translation>Enregistrer l'en-tête</translation>
        </message>
        <message>
            <source>Save the offset</source>
            <translation>Enregistrer le décalage</translation>
        </message>
        <message>
            <source>Save the request letter…</source>
            <translation>Enregistrer la lettre de demande…</translation>
        </message>
        <message>
            <source>Save the statistics report</source>
            <translation>Enregistrer le rapport statistique</translation>
        </message>
        <message>
            <source>Saved as version {version}.</source>
            <translation>Enregistré comme version {version}.</translation>
        </message>
        <message>
            <source>Saved as version {version}. Response packs built from now on cite this version.</source>
            <translation>Enregistré en version {version}. Les réponses produites désormais citent cette version.</translation>
        </message>
        <message>
            <source>Say what changed before saving.</source>
            <translation>Indiquez ce qui a changé avant d'enregistrer.</translation>
        </message>
        <message>
            <source>Scan of the proof</source>
            <translation>Scan de la preuve</translation>
        </message>
        <message>
            <source>Scans (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
            <translation>Scans (*.jpg *.jpeg *.png *.pdf);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Seal certificate</source>
            <translation>Certificat de scellement</translation>
        </message>
        <message>
            <source>Sealed on (claimed):</source>
            <translation>Scellé le (déclaré) :</translation>
        </message>
        <message>
            <source>Sealing the PDF (PAdES)…</source>
            <translation>Scellement du PDF (PAdES)…</translation>
        </message>
        <message>
            <source>Seals the access response (PAdES) and writes a ZIP with the letter, the data files (JSON, CSV) and their manifest.</source>
            <translation>Scelle la réponse d'accès (PAdES) et écrit un ZIP avec la lettre, les fichiers de données (JSON, CSV) et leur manifeste.</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Rechercher</translation>
        </message>
        <message>
            <source>Search for</source>
            <translation>Rechercher pour</translation>
        </message>
        <message>
            <source>Search open cases in a file…</source>
            <translation>Rechercher les demandes ouvertes dans un fichier…</translation>
        </message>
        <message>
            <source>Search reference, name or e-mail…</source>
            <translation>Rechercher une référence, un nom ou un courriel…</translation>
        </message>
        <message>
            <source>Search with: {keys}.</source>
            <translation>Recherche par : {keys}.</translation>
        </message>
        <message>
            <source>searched</source>
            <translation>recherché</translation>
        </message>
        <message numerus="yes">
            <source>Searched — %n match(es) to review</source>
            <translation>
                <numerusform>Recherche faite — %n correspondance à examiner</numerusform>
                <numerusform>Recherche faite — %n correspondances à examiner</numerusform>
            </translation>
        </message>
        <message>
            <source>Searched ✓</source>
            <translation>Recherché ✓</translation>
        </message>
        <message>
            <source>Searching the export files…</source>
            <translation>Recherche dans les fichiers d'export…</translation>
        </message>
        <message>
            <source>Security of the systems</source>
            <translation>Sécurité des systèmes</translation>
        </message>
        <message>
            <source>Seen on paper or in person (nothing is stored)</source>
            <translation>Vu sur papier ou en personne (rien n'est conservé)</translation>
        </message>
        <message>
            <source>Seen on paper: record the request first, then its arrival.</source>
            <translation>Vu sur papier : enregistrez d'abord la demande, puis son arrivée.</translation>
        </message>
        <message>
            <source>Select part of the value below, then “Redact the selected text…”.</source>
            <translation>Sélectionnez une partie de la valeur ci-dessous, puis « Masquer le texte sélectionné… ».</translation>
        </message>
        <message>
            <source>Select the text to redact in the value first.</source>
            <translation>Sélectionnez d'abord le texte à masquer dans la valeur.</translation>
        </message>
        <message>
            <source>Send to the ID check</source>
            <translation>Transmettre au contrôle d'identité</translation>
        </message>
        <message>
            <source>Send {name} to the ID check? It is checked there like a scan and destroyed after the decision; its copy with the message, and the original file, are deleted now.</source>
            <translation>Transmettre {name} au contrôle d'identité ? Elle y est vérifiée comme un scan puis détruite après la décision ; sa copie avec le message, et le fichier original, sont supprimés maintenant.</translation>
        </message>
        <message>
            <source>Sent by:</source>
            <translation>Envoyée par :</translation>
        </message>
        <message>
            <source>sent to the ID check</source>
            <translation>transmise au contrôle d'identité</translation>
        </message>
        <message>
            <source>Sent to {printer}. When the letter has gone, record the dispatch with its registered-letter number.</source>
            <translation>Envoyé à {printer}. Quand la lettre est partie, enregistrez l'envoi avec son numéro de recommandé.</translation>
        </message>
        <message>
            <source>Sent to:</source>
            <translation>Envoyée à :</translation>
        </message>
        <message>
            <source>Set aside…</source>
            <translation>Écarter…</translation>
        </message>
        <message>
            <source>Set the file aside</source>
            <translation>Écarter le fichier</translation>
        </message>
        <message>
            <source>Settings saved. The language applies the next time the register is unlocked.</source>
            <translation>Réglages enregistrés. La langue s'applique au prochain déverrouillage du registre.</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>Réglages…</translation>
        </message>
        <message>
            <source>SHA-256 fingerprint:</source>
            <translation>Empreinte SHA-256 :</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Feuille</translation>
        </message>
        <message>
            <source>Shipped template</source>
            <translation>Modèle d'origine</translation>
        </message>
        <message>
            <source>Short identifier of the new system (lower-case letters, digits and _), e.g. alumni_events:</source>
            <translation>Identifiant court du nouveau système (minuscules, chiffres et _), p. ex. evenements_anciens :</translation>
        </message>
        <message>
            <source>Show the dashboard</source>
            <translation>Voir le tableau de bord</translation>
        </message>
        <message>
            <source>Signed by the data subject:</source>
            <translation>Signé par la personne concernée :</translation>
        </message>
        <message>
            <source>Signer:</source>
            <translation>Signataire :</translation>
        </message>
        <message>
            <source>Skipped rows in {file}:</source>
            <translation>Lignes ignorées dans {file} :</translation>
        </message>
        <message>
            <source>Slot '{label}' added.</source>
            <translation>Emplacement « {label} » ajouté.</translation>
        </message>
        <message>
            <source>Slot '{label}' removed; the register was re-keyed.</source>
            <translation>Emplacement « {label} » supprimé ; le registre a été rechiffré avec une nouvelle clé.</translation>
        </message>
        <message>
            <source>Some checks fail or are missing: a note saying why identity is still verified is required.</source>
            <translation>Des contrôles échouent ou manquent : une note expliquant pourquoi l'identité est quand même vérifiée est obligatoire.</translation>
        </message>
        <message>
            <source>Something went wrong that DSAR Desktop did not expect. Your register is safe: every change is saved as it is made.

A report (without personal data) was written to:
{path}

Send this file to your IT support. You can go on working; if the problem comes back, quit and start the app again.</source>
            <translation>Un problème que DSAR Desktop n'a pas prévu est survenu. Votre registre est intact : chaque modification est enregistrée au moment où elle est faite.

Un rapport (sans données personnelles) a été écrit dans :
{path}

Transmettez ce fichier à votre support informatique. Vous pouvez continuer ; si le problème revient, quittez l'application et relancez-la.</translation>
        </message>
        <message>
            <source>Source of the data</source>
            <translation>Source des données</translation>
        </message>
        <message>
            <source>Start work</source>
            <translation>Commencer le traitement</translation>
        </message>
        <message>
            <source>State</source>
            <translation>État</translation>
        </message>
        <message>
            <source>State filter</source>
            <translation>Filtre d'état</translation>
        </message>
        <message>
            <source>State: {old} → {new}</source>
            <translation>État : {old} → {new}</translation>
        </message>
        <message>
            <source>State: {state}</source>
            <translation>État : {state}</translation>
        </message>
        <message>
            <source>Statistics</source>
            <translation>Statistiques</translation>
        </message>
        <message>
            <source>Statistics of the requests</source>
            <translation>Statistiques des demandes</translation>
        </message>
        <message>
            <source>statistics-{period}.pdf</source>
            <translation>statistiques-{period}.pdf</translation>
        </message>
        <message>
            <source>Strength</source>
            <translation>Robustesse</translation>
        </message>
        <message>
            <source>student number</source>
            <translation>numéro d'étudiant</translation>
        </message>
        <message>
            <source>Student number:</source>
            <translation>Numéro d'étudiant :</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>Résumé</translation>
        </message>
        <message>
            <source>System</source>
            <translation>Système</translation>
        </message>
        <message>
            <source>System or files</source>
            <translation>Système ou fichiers</translation>
        </message>
        <message>
            <source>System they come from</source>
            <translation>Système d'origine</translation>
        </message>
        <message>
            <source>tab</source>
            <translation>tabulation</translation>
        </message>
        <message>
            <source>Technical details:</source>
            <translation>Détails techniques :</translation>
        </message>
        <message>
            <source>Template history</source>
            <translation>Historique du modèle</translation>
        </message>
        <message>
            <source>Text of the request recorded</source>
            <translation>Texte de la demande enregistré</translation>
        </message>
        <message>
            <source>Text of the request:</source>
            <translation>Texte de la demande :</translation>
        </message>
        <message>
            <source>The address block sits in the window of a DL envelope (about 100 mm from the left, 50 mm from the top). Print the calibration page, hold it behind a real envelope, and move the frame until it fits the window.</source>
            <translation>Le bloc adresse se place dans la fenêtre d'une enveloppe DL (environ 100 mm du bord gauche, 50 mm du haut). Imprimez la page d'étalonnage, placez-la derrière une vraie enveloppe et déplacez le cadre jusqu'à ce qu'il tombe dans la fenêtre.</translation>
        </message>
        <message>
            <source>The audit log is broken at entry {seq}: an entry was changed or removed. Keep this register as evidence and restore a backup to continue.</source>
            <translation>Le journal d'audit est rompu à l'entrée {seq} : une entrée a été modifiée ou supprimée. Conservez ce registre comme preuve et restaurez une sauvegarde pour continuer.</translation>
        </message>
        <message>
            <source>The automatic backup failed: {error}</source>
            <translation>La sauvegarde automatique a échoué : {error}</translation>
        </message>
        <message>
            <source>The backup is restored to {path}. Unlock it with a passphrase of the backed-up register or with its recovery key.</source>
            <translation>La sauvegarde est restaurée dans {path}. Déverrouillez-la avec une phrase de passe du registre sauvegardé ou avec sa clé de secours.</translation>
        </message>
        <message>
            <source>The clipboard holds no text: copy the e-mail in the mail client first.</source>
            <translation>Le presse-papiers ne contient pas de texte : copiez d'abord le courriel dans la messagerie.</translation>
        </message>
        <message>
            <source>The clock is running; due date: {due}.</source>
            <translation>Le délai court ; échéance : {due}.</translation>
        </message>
        <message>
            <source>The clock is stopped from today until the proof arrives. Print the request letter from the Identity tab.</source>
            <translation>Le délai est suspendu à partir d'aujourd'hui jusqu'à l'arrivée du justificatif. Imprimez la lettre de demande depuis l'onglet Identité.</translation>
        </message>
        <message>
            <source>The clock is stopped since {date} while waiting for the proof (decree 2019-536). Due date today: {due} — it moves one day later for each day of waiting.</source>
            <translation>Le délai est suspendu depuis le {date} dans l'attente du justificatif (décret 2019-536). Échéance aujourd'hui : {due} — elle recule d'un jour pour chaque jour d'attente.</translation>
        </message>
        <message>
            <source>the clock runs again from {date}</source>
            <translation>le délai reprend le {date}</translation>
        </message>
        <message>
            <source>The clock stops on the day the letter is sent and runs again on the day the proof arrives (decree 2019-536); the due date moves by that many days.</source>
            <translation>Le délai s'arrête le jour de l'envoi de la lettre et reprend le jour de l'arrivée de la preuve (décret 2019-536) ; l'échéance recule d'autant de jours.</translation>
        </message>
        <message numerus="yes">
            <source>The clock was stopped %n day(s) for identity; the due date moved to {due}.</source>
            <translation>
                <numerusform>Le délai a été suspendu %n jour pour l'identité ; l'échéance a reculé au {due}.</numerusform>
                <numerusform>Le délai a été suspendu %n jours pour l'identité ; l'échéance a reculé au {due}.</numerusform>
            </translation>
        </message>
        <message>
            <source>The data subject</source>
            <translation>La personne concernée</translation>
        </message>
        <message>
            <source>the data subject</source>
            <translation>la personne concernée</translation>
        </message>
        <message>
            <source>The day it arrives ends the suspension of the clock.</source>
            <translation>Le jour d'arrivée met fin à la suspension du délai.</translation>
        </message>
        <message>
            <source>The dispatch date cannot be in the future.</source>
            <translation>La date d'envoi ne peut pas être dans le futur.</translation>
        </message>
        <message>
            <source>The draft is saved as {path} (to {to}). No mail client opened it: open the file from your mail program, check it and send it.</source>
            <translation>Le brouillon est enregistré dans {path} (pour {to}). Aucune messagerie ne l'a ouvert : ouvrez le fichier depuis votre messagerie, vérifiez-le et envoyez-le.</translation>
        </message>
        <message>
            <source>The file cannot be read: {reason}</source>
            <translation>Le fichier ne peut pas être lu : {reason}</translation>
        </message>
        <message>
            <source>The file was changed after it was sealed, or it is damaged: do not rely on it.</source>
            <translation>Le fichier a été modifié après son scellement, ou il est endommagé : ne vous y fiez pas.</translation>
        </message>
        <message>
            <source>The files of the pack do not match its manifest.</source>
            <translation>Les fichiers du dossier ne correspondent pas à son manifeste.</translation>
        </message>
        <message>
            <source>The first rows cannot be shown: {problem}</source>
            <translation>Les premières lignes ne peuvent pas être affichées : {problem}</translation>
        </message>
        <message>
            <source>The key could not be remembered on this workstation: {reason}</source>
            <translation>La clé n'a pas pu être mémorisée sur ce poste : {reason}</translation>
        </message>
        <message>
            <source>The key is kept in this computer's secure key store ({backend}); the passphrase is not asked again on this workstation.</source>
            <translation>La clé est conservée dans le coffre sécurisé de cet ordinateur ({backend}) ; la phrase de passe n'est plus demandée sur ce poste.</translation>
        </message>
        <message>
            <source>The legal due date has passed: send the notice today.</source>
            <translation>L'échéance légale est dépassée : envoyez la notification aujourd'hui.</translation>
        </message>
        <message>
            <source>The letter was not saved (you can produce it again with “Save the request letter…”).</source>
            <translation>La lettre n'a pas été enregistrée (vous pouvez la produire à nouveau avec « Enregistrer la lettre de demande… »).</translation>
        </message>
        <message>
            <source>The logo must be a PNG image.</source>
            <translation>Le logo doit être une image PNG.</translation>
        </message>
        <message>
            <source>The mail client did not hand over the message {name}. Save it from the mail client (as .msg or .eml), then drop the saved file or use “Open an e-mail”.</source>
            <translation>La messagerie n'a pas transmis le message {name}. Enregistrez-le depuis la messagerie (en .msg ou .eml), puis déposez le fichier enregistré ou utilisez « Ouvrir un courriel ».</translation>
        </message>
        <message>
            <source>The mapping below is the one remembered from the last import of this system.</source>
            <translation>La correspondance ci-dessous est celle retenue lors du dernier import de ce système.</translation>
        </message>
        <message>
            <source>The mapping below was suggested from the column names: check it.</source>
            <translation>La correspondance ci-dessous est proposée d'après les noms de colonnes : vérifiez-la.</translation>
        </message>
        <message>
            <source>The office's certificate (*.p12 *.pfx)</source>
            <translation>Certificat du bureau (*.p12 *.pfx)</translation>
        </message>
        <message>
            <source>The other holder is known to object:</source>
            <translation>L'autre titulaire est connu pour s'y opposer :</translation>
        </message>
        <message>
            <source>The pack cannot be built yet: see what blocks it above.</source>
            <translation>Le dossier ne peut pas encore être produit : voir ce qui le bloque ci-dessus.</translation>
        </message>
        <message>
            <source>The preview cannot be drawn: {reason}</source>
            <translation>L'aperçu ne peut pas être dessiné : {reason}</translation>
        </message>
        <message>
            <source>The preview shows the first {shown} of {total} pages.</source>
            <translation>L'aperçu montre les {shown} premières pages sur {total}.</translation>
        </message>
        <message>
            <source>The preview shows the last correct version of the template; the letter is never produced half-written.</source>
            <translation>L'aperçu montre la dernière version correcte du modèle ; la lettre n'est jamais produite à moitié.</translation>
        </message>
        <message>
            <source>The previous recovery key no longer works.</source>
            <translation>L'ancienne clé de secours ne fonctionne plus.</translation>
        </message>
        <message>
            <source>The receipt date is in the future. Record the request anyway?</source>
            <translation>La date de réception est dans le futur. Enregistrer la demande quand même ?</translation>
        </message>
        <message>
            <source>The recovery key was sent to the printer.</source>
            <translation>La clé de secours a été envoyée à l'imprimante.</translation>
        </message>
        <message>
            <source>The refusal notice must give the reasons, tell the person of their right to lodge a complaint with the CNIL and of their right to a judicial remedy, and be sent on or before {due} (Art. 12(4)).</source>
            <translation>La notification de refus doit être motivée, informer la personne de son droit d'introduire une réclamation auprès de la CNIL et d'un recours juridictionnel, et partir au plus tard le {due} (art. 12(4)).</translation>
        </message>
        <message>
            <source>The register is damaged: {problems}. Restore it from a backup.</source>
            <translation>Le registre est endommagé : {problems}. Restaurez-le depuis une sauvegarde.</translation>
        </message>
        <message>
            <source>The register is intact: {count} audit entries checked, schema version {version}.</source>
            <translation>Le registre est intact : {count} entrées du journal d'audit vérifiées, version du schéma {version}.</translation>
        </message>
        <message>
            <source>The register is locked.</source>
            <translation>Le registre est verrouillé.</translation>
        </message>
        <message>
            <source>The register is one encrypted file. Keep it on a disk that is backed up; a copy is also written to a 'backups' folder beside it each time the application closes.</source>
            <translation>Le registre est un seul fichier chiffré. Placez-le sur un disque sauvegardé ; une copie est aussi écrite dans un dossier « backups » à côté de lui à chaque fermeture de l'application.</translation>
        </message>
        <message>
            <source>The register was backed up and closed.</source>
            <translation>Le registre a été sauvegardé et fermé.</translation>
        </message>
        <message>
            <source>The reply to {ref} is recorded as sent on {date}; the request is now responded.</source>
            <translation>La réponse à {ref} est enregistrée comme envoyée le {date} ; la demande est désormais répondue.</translation>
        </message>
        <message>
            <source>The request</source>
            <translation>La demande</translation>
        </message>
        <message>
            <source>The request came electronically, so the reply goes by e-mail unless the person asked otherwise: the number may stay empty.</source>
            <translation>La demande est arrivée par voie électronique : la réponse part par courriel sauf demande contraire ; le numéro peut rester vide.</translation>
        </message>
        <message>
            <source>The request is recorded but the letter could not be built: {problem}</source>
            <translation>La demande est enregistrée mais la lettre n'a pas pu être produite : {problem}</translation>
        </message>
        <message>
            <source>The request is recorded, but it was sent after the due date in force: the period had already ended, so the clock is not stopped and the case stays late. The due date remains {due}.</source>
            <translation>La demande est enregistrée, mais elle est partie après l'échéance en vigueur : le délai était déjà expiré, il n'est donc pas suspendu et la demande reste en retard. L'échéance reste le {due}.</translation>
        </message>
        <message>
            <source>The request is recorded, but the clock does not stop until its letter exists.</source>
            <translation>La demande est enregistrée, mais le délai ne s'arrête pas tant que sa lettre n'existe pas.</translation>
        </message>
        <message>
            <source>the requester</source>
            <translation>le demandeur</translation>
        </message>
        <message>
            <source>The response pack to attach (ZIP)</source>
            <translation>Le dossier de réponse à joindre (ZIP)</translation>
        </message>
        <message>
            <source>The row that names the columns; rows above it are not read as data.</source>
            <translation>La ligne qui nomme les colonnes ; les lignes au-dessus ne sont pas lues comme données.</translation>
        </message>
        <message>
            <source>The same address already wrote: {refs}. Check whether this request repeats an earlier one.</source>
            <translation>La même adresse a déjà écrit : {refs}. Vérifiez si cette demande en répète une précédente.</translation>
        </message>
        <message>
            <source>The scan is shown from the encrypted register and never written to disk.</source>
            <translation>Le scan est affiché depuis le registre chiffré et n'est jamais écrit sur le disque.</translation>
        </message>
        <message>
            <source>The seal covers only part of the file ({coverage}): something was added after sealing.</source>
            <translation>Le sceau ne couvre qu'une partie du fichier ({coverage}) : quelque chose a été ajouté après le scellement.</translation>
        </message>
        <message>
            <source>The seal covers the whole file.</source>
            <translation>Le sceau couvre le fichier entier.</translation>
        </message>
        <message>
            <source>The seal does not come from the certificate you trust.</source>
            <translation>Le sceau ne provient pas du certificat de confiance.</translation>
        </message>
        <message>
            <source>The seal was made with the certificate you trust.</source>
            <translation>Le sceau a été apposé avec le certificat de confiance.</translation>
        </message>
        <message>
            <source>The shipped template is in use.</source>
            <translation>Le modèle d'origine est en usage.</translation>
        </message>
        <message>
            <source>The template has an error, so it cannot be saved: {error}</source>
            <translation>Le modèle contient une erreur, il ne peut donc pas être enregistré : {error}</translation>
        </message>
        <message>
            <source>The two passphrases are different.</source>
            <translation>Les deux phrases de passe sont différentes.</translation>
        </message>
        <message>
            <source>The whole field “{field}”</source>
            <translation>Tout le champ « {field} »</translation>
        </message>
        <message>
            <source>The ZIP is encrypted with this password:</source>
            <translation>Le ZIP est chiffré avec ce mot de passe :</translation>
        </message>
        <message>
            <source>There is no open request to search for.</source>
            <translation>Il n'y a aucune demande ouverte à rechercher.</translation>
        </message>
        <message>
            <source>There is no scan-key file of this register in {folder}: scans not yet decided, and the original files of e-mails, cannot be shown there. Restore into the register's own folder, or move (do not copy) its scan-keys file beside the restored register.</source>
            <translation>Il n'y a pas de fichier de clés de scans de ce registre dans {folder} : les scans pas encore décidés et les fichiers d'origine des courriels ne peuvent pas y être affichés. Restaurez dans le dossier du registre, ou déplacez (sans le copier) son fichier de clés de scans à côté du registre restauré.</translation>
        </message>
        <message>
            <source>These settings belong to the register and apply to everyone who opens it. Each change is written to the audit log.</source>
            <translation>Ces réglages appartiennent au registre et valent pour toute personne qui l'ouvre. Chaque modification est inscrite au journal d'audit.</translation>
        </message>
        <message>
            <source>This key opens the register if every passphrase is forgotten. It is shown only now and is stored nowhere. Write it on paper or print it, and keep it in a safe, away from the computer.</source>
            <translation>Cette clé ouvre le registre si toutes les phrases de passe sont oubliées. Elle n'est affichée que maintenant et n'est enregistrée nulle part. Écrivez-la sur papier ou imprimez-la, et gardez-la dans un coffre, loin de l'ordinateur.</translation>
        </message>
        <message>
            <source>This pack is authentic and complete.</source>
            <translation>Ce dossier est authentique et complet.</translation>
        </message>
        <message>
            <source>This pack is intact and complete, but who sealed it is not confirmed: give the office's certificate.</source>
            <translation>Ce dossier est intègre et complet, mais l'auteur du sceau n'est pas confirmé : donnez le certificat du bureau.</translation>
        </message>
        <message>
            <source>This page could not be shown: {error}</source>
            <translation>Cette page n'a pas pu être affichée : {error}</translation>
        </message>
        <message>
            <source>This page has no image that can be shown.</source>
            <translation>Cette page ne contient aucune image affichable.</translation>
        </message>
        <message>
            <source>This request only ({ref})</source>
            <translation>Cette demande seulement ({ref})</translation>
        </message>
        <message>
            <source>This row was rejected: it is no longer kept in the register.</source>
            <translation>Cette ligne a été rejetée : elle n'est plus conservée dans le registre.</translation>
        </message>
        <message>
            <source>This section could not be shown: {error}</source>
            <translation>Cette section n'a pas pu être affichée : {error}</translation>
        </message>
        <message>
            <source>This very message is already recorded in {refs}: do not record it twice.</source>
            <translation>Ce message est déjà enregistré dans {refs} : ne l'enregistrez pas deux fois.</translation>
        </message>
        <message>
            <source>three-letter code, e.g. FRA</source>
            <translation>code à trois lettres, ex. FRA</translation>
        </message>
        <message>
            <source>Time left:</source>
            <translation>Temps restant :</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Historique</translation>
        </message>
        <message>
            <source>to review</source>
            <translation>à examiner</translation>
        </message>
        <message>
            <source>To use it: in the unlock window, type it in the passphrase field (dashes and spaces do not matter).</source>
            <translation>Pour l'utiliser : dans la fenêtre de déverrouillage, saisissez-la dans le champ de la phrase de passe (tirets et espaces sans importance).</translation>
        </message>
        <message>
            <source>to {address}</source>
            <translation>à {address}</translation>
        </message>
        <message>
            <source>Today is {date}</source>
            <translation>Nous sommes le {date}</translation>
        </message>
        <message>
            <source>Today: {summary}.</source>
            <translation>Aujourd'hui : {summary}.</translation>
        </message>
        <message>
            <source>Total open</source>
            <translation>Total ouvertes</translation>
        </message>
        <message>
            <source>Trade secret or intellectual property</source>
            <translation>Secret des affaires ou propriété intellectuelle</translation>
        </message>
        <message>
            <source>Transfers outside the EU</source>
            <translation>Transferts hors UE</translation>
        </message>
        <message>
            <source>Trust the seal certificate of this register</source>
            <translation>Faire confiance au certificat de scellement de ce registre</translation>
        </message>
        <message>
            <source>Trusted</source>
            <translation>De confiance</translation>
        </message>
        <message>
            <source>Two blocks: {% block subject %}…{% endblock %} and {% block body %}…{% endblock %}. In the body a blank line starts a paragraph, '# ' a heading, '- ' a bullet. Fields: {{ subject_name }}, {{ requester_name }}, {{ case.ref }}, {{ case.received_date|date }}, {{ case.legal_due|date }}, {{ dpo.email }}, {{ salutation }}. The legal sections (Article 15, remedies) are added by the application and cannot be removed.</source>
            <translation>Deux blocs : {% block subject %}…{% endblock %} et {% block body %}…{% endblock %}. Dans le corps, une ligne vide commence un paragraphe, « # » un titre, « - » une puce. Champs : {{ subject_name }}, {{ requester_name }}, {{ case.ref }}, {{ case.received_date|date }}, {{ case.legal_due|date }}, {{ dpo.email }}, {{ salutation }}. Les rubriques légales (article 15, voies de recours) sont ajoutées par l'application et ne peuvent pas être retirées.</translation>
        </message>
        <message>
            <source>Type a passphrase: how hard it is to guess shows here as you type.</source>
            <translation>Tapez une phrase de passe : sa robustesse s'affiche ici à mesure que vous tapez.</translation>
        </message>
        <message>
            <source>Type or paste the 2 or 3 lines at the bottom of the document.</source>
            <translation>Saisissez ou collez les 2 ou 3 lignes du bas du document.</translation>
        </message>
        <message>
            <source>Type or paste the request's text (a letter, a call, a visit).</source>
            <translation>Saisissez ou collez le texte de la demande (lettre, appel, visite).</translation>
        </message>
        <message>
            <source>Type the register file.</source>
            <translation>Indiquez le fichier du registre.</translation>
        </message>
        <message>
            <source>Type your passphrase, or the recovery key.</source>
            <translation>Saisissez votre phrase de passe ou la clé de secours.</translation>
        </message>
        <message>
            <source>typed above</source>
            <translation>saisi plus haut</translation>
        </message>
        <message>
            <source>Under 15 on the day of receipt: a holder of parental authority acts, with proof (LIL art. 45).</source>
            <translation>Moins de 15 ans le jour de la réception : le titulaire de l'autorité parentale agit, avec justificatif (LIL art. 45).</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Déverrouiller</translation>
        </message>
        <message>
            <source>Unlock the register</source>
            <translation>Déverrouiller le registre</translation>
        </message>
        <message>
            <source>Unlock with the key remembered here</source>
            <translation>Déverrouiller avec la clé mémorisée ici</translation>
        </message>
        <message>
            <source>Unlocked</source>
            <translation>Déverrouillé</translation>
        </message>
        <message>
            <source>Use {value} (from {system})</source>
            <translation>Utiliser {value} (de {system})</translation>
        </message>
        <message>
            <source>Valid:</source>
            <translation>Validité :</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Valeur</translation>
        </message>
        <message>
            <source>verified</source>
            <comment>state of a proof</comment>
            <translation>vérification : conforme</translation>
        </message>
        <message>
            <source>Verify</source>
            <translation>Vérifier</translation>
        </message>
        <message>
            <source>Verify a pack</source>
            <translation>Vérifier un dossier</translation>
        </message>
        <message>
            <source>Verify a pack…</source>
            <translation>Vérifier un dossier…</translation>
        </message>
        <message>
            <source>Verify register</source>
            <translation>Vérifier le registre</translation>
        </message>
        <message>
            <source>Verify this pack…</source>
            <translation>Vérifier ce dossier…</translation>
        </message>
        <message>
            <source>Verifying the register…</source>
            <translation>Vérification du registre…</translation>
        </message>
        <message>
            <source>Verifying…</source>
            <translation>Vérification…</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Version {version}</source>
            <translation>Version {version}</translation>
        </message>
        <message>
            <source>Version {version} — back to the shipped template — {when} — {who}</source>
            <translation>Version {version} — retour au modèle d'origine — {when} — {who}</translation>
        </message>
        <message>
            <source>Version {version} — {when} — {who}</source>
            <translation>Version {version} — {when} — {who}</translation>
        </message>
        <message>
            <source>Version {version}, saved by {who} on {when}: {note}</source>
            <translation>Version {version}, enregistrée par {who} le {when} : {note}</translation>
        </message>
        <message>
            <source>Version {version}, saved {when} by {who}.</source>
            <translation>Version {version}, enregistrée le {when} par {who}.</translation>
        </message>
        <message>
            <source>Versions</source>
            <translation>Versions</translation>
        </message>
        <message>
            <source>Vital interests (Art. 6(1)(d))</source>
            <translation>Intérêts vitaux (art. 6.1.d)</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Avertissement</translation>
        </message>
        <message>
            <source>What</source>
            <translation>Quoi</translation>
        </message>
        <message>
            <source>What changed (kept with the version)</source>
            <translation>Ce qui a changé (conservé avec la version)</translation>
        </message>
        <message>
            <source>What is asked</source>
            <translation>Ce qui est demandé</translation>
        </message>
        <message>
            <source>What is withheld</source>
            <translation>Ce qui est retiré</translation>
        </message>
        <message>
            <source>What still blocks the response pack</source>
            <translation>Ce qui bloque encore le dossier de réponse</translation>
        </message>
        <message>
            <source>What the directives ask:</source>
            <translation>Ce que demandent les directives :</translation>
        </message>
        <message>
            <source>What the document shows</source>
            <translation>Ce que montre le document</translation>
        </message>
        <message>
            <source>What they ask: keep, erase, communicate to whom</source>
            <translation>Ce qu'elles demandent : conserver, effacer, communiquer à qui</translation>
        </message>
        <message>
            <source>What was detected</source>
            <translation>Ce qui a été détecté</translation>
        </message>
        <message>
            <source>When (Paris)</source>
            <translation>Quand (Paris)</translation>
        </message>
        <message>
            <source>Where the register is kept</source>
            <translation>Emplacement du registre</translation>
        </message>
        <message>
            <source>Where to create the register</source>
            <translation>Où créer le registre</translation>
        </message>
        <message>
            <source>Where to put the restored register</source>
            <translation>Où placer le registre restauré</translation>
        </message>
        <message>
            <source>Where to write the backup</source>
            <translation>Où écrire la sauvegarde</translation>
        </message>
        <message>
            <source>Where to write the calibration page</source>
            <translation>Où écrire la page d'étalonnage</translation>
        </message>
        <message>
            <source>Where to write the certificate</source>
            <translation>Où écrire le certificat</translation>
        </message>
        <message>
            <source>Which column holds what</source>
            <translation>Quelle colonne contient quoi</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Qui</translation>
        </message>
        <message>
            <source>Who is asking</source>
            <translation>Qui demande</translation>
        </message>
        <message>
            <source>Who may act</source>
            <translation>Qui peut agir</translation>
        </message>
        <message>
            <source>Whole file</source>
            <translation>Fichier entier</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>Pourquoi</translation>
        </message>
        <message>
            <source>Why can {file} be left aside for this request?</source>
            <translation>Pourquoi {file} peut-il être écarté pour cette demande ?</translation>
        </message>
        <message>
            <source>Why is the case reopened?</source>
            <translation>Pourquoi rouvrir la demande ?</translation>
        </message>
        <message>
            <source>Why is “{system}” not applicable to this request? The reason is kept in the case and shown to reviewers.</source>
            <translation>Pourquoi « {system} » est-il sans objet pour cette demande ? Le motif est conservé dans le dossier et visible des relecteurs.</translation>
        </message>
        <message>
            <source>Window envelope</source>
            <translation>Enveloppe à fenêtre</translation>
        </message>
        <message>
            <source>Write down the recovery key</source>
            <translation>Notez la clé de secours</translation>
        </message>
        <message>
            <source>Write the justification: it is required.</source>
            <translation>Écrivez la justification : elle est obligatoire.</translation>
        </message>
        <message>
            <source>Write the reason for doubt first (Art. 12(6): no systematic ID request).</source>
            <translation>Indiquez d'abord le motif du doute (art. 12(6) : pas de demande systématique de pièce).</translation>
        </message>
        <message>
            <source>Write the reason for this redaction.</source>
            <translation>Indiquez le motif de ce masquage.</translation>
        </message>
        <message>
            <source>Write the reasons for the extension: the law requires them in the notice.</source>
            <translation>Indiquez les motifs de la prolongation : la loi les exige dans la notification.</translation>
        </message>
        <message>
            <source>Write the reasons for the refusal: the law requires them in the notice.</source>
            <translation>Indiquez les motifs du refus : la loi les exige dans la notification.</translation>
        </message>
        <message>
            <source>Writes the report as a PDF and its figures as a CSV file beside it.</source>
            <translation>Enregistre le rapport en PDF et ses chiffres dans un fichier CSV à côté.</translation>
        </message>
        <message>
            <source>Writing the files…</source>
            <translation>Écriture des fichiers…</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>yes (see the timeline for the justification)</source>
            <translation>oui (justification dans l'historique)</translation>
        </message>
        <message>
            <source>You opened the register with the recovery key. Give yourself a new passphrase now in Register &gt; Key slots, so that the recovery key can go back in the safe.</source>
            <translation>Vous avez ouvert le registre avec la clé de secours. Donnez-vous dès maintenant une nouvelle phrase de passe dans Registre &gt; Emplacements de clé, pour que la clé de secours retourne au coffre.</translation>
        </message>
        <message>
            <source>Your key slot</source>
            <translation>Votre emplacement de clé</translation>
        </message>
        <message>
            <source>Your name (key slot)</source>
            <translation>Votre nom (emplacement de clé)</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Agrandir</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Réduire</translation>
        </message>
        <message>
            <source>{date} — in force (extended)</source>
            <translation>{date} — en vigueur (prolongée)</translation>
        </message>
        <message>
            <source>{date} — only if an extension notice is sent by D1</source>
            <translation>{date} — seulement si la prolongation est notifiée avant D1</translation>
        </message>
        <message>
            <source>{date} — replaced by D3: the extension was notified in time</source>
            <translation>{date} — remplacée par D3 : la prolongation a été notifiée à temps</translation>
        </message>
        <message numerus="yes">
            <source>{field}: %n character(s) at position {position} — {code}: {reason} ({who}, {when})</source>
            <translation>
                <numerusform>{field} : %n caractère à la position {position} — {code} : {reason} ({who}, {when})</numerusform>
                <numerusform>{field} : %n caractères à la position {position} — {code} : {reason} ({who}, {when})</numerusform>
            </translation>
        </message>
        <message>
            <source>{field}: whole field — {code}: {reason} ({who}, {when})</source>
            <translation>{field} : tout le champ — {code} : {reason} ({who}, {when})</translation>
        </message>
        <message>
            <source>{file} ({system}): no column can identify a person, so the system does not count as searched.</source>
            <translation>{file} ({system}) : aucune colonne ne permet d'identifier une personne, le système ne compte donc pas comme recherché.</translation>
        </message>
        <message numerus="yes">
            <source>{file}: %n row(s) skipped or read with a caveat</source>
            <translation>
                <numerusform>{file} : %n ligne ignorée ou lue avec réserve</numerusform>
                <numerusform>{file} : %n lignes ignorées ou lues avec réserve</numerusform>
            </translation>
        </message>
        <message>
            <source>{file}: left out ({why})</source>
            <translation>{file} : laissé de côté ({why})</translation>
        </message>
        <message>
            <source>{format} · encoding {encoding} · delimiter {delimiter} · {size}</source>
            <translation>{format} · encodage {encoding} · séparateur {delimiter} · {size}</translation>
        </message>
        <message>
            <source>{format} · {size}</source>
            <translation>{format} · {size}</translation>
        </message>
        <message>
            <source>{left} — due {date}</source>
            <translation>{left} — échéance le {date}</translation>
        </message>
        <message>
            <source>{method} — {party}, recorded by {who} on {when}</source>
            <translation>{method} — {party}, enregistré par {who} le {when}</translation>
        </message>
        <message numerus="yes">
            <source>{name} (%n row(s), {when})</source>
            <translation>
                <numerusform>{name} (%n ligne, {when})</numerusform>
                <numerusform>{name} (%n lignes, {when})</numerusform>
            </translation>
        </message>
        <message>
            <source>{name} (not saved yet)</source>
            <translation>{name} (pas encore enregistrée)</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n} jours</translation>
        </message>
        <message>
            <source>{n} days left ({w} working)</source>
            <translation>{n} jours restants ({w} ouvrés)</translation>
        </message>
        <message>
            <source>{n} due within 7 days</source>
            <translation>{n} à rendre sous 7 jours</translation>
        </message>
        <message>
            <source>{n} requests are overdue: their legal deadline has passed. Answer them first.</source>
            <translation>{n} demandes sont en retard : leur échéance légale est dépassée. Traitez-les en premier.</translation>
        </message>
        <message>
            <source>{n} requests overdue</source>
            <translation>{n} demandes en retard</translation>
        </message>
        <message>
            <source>{parts}: the response pack waits until every system is searched or marked not applicable.</source>
            <translation>{parts} : la réponse attend que chaque système soit recherché ou marqué sans objet.</translation>
        </message>
        <message>
            <source>{pending} to review · {confirmed} confirmed · {rejected} rejected</source>
            <translation>à examiner : {pending} · confirmées : {confirmed} · rejetées : {rejected}</translation>
        </message>
        <message>
            <source>{proof} of {party}</source>
            <translation>{proof} — {party}</translation>
        </message>
        <message>
            <source>{proof} received</source>
            <translation>{proof} : réception</translation>
        </message>
        <message>
            <source>{proof} requested; clock stopped from {date}</source>
            <translation>Demande envoyée : {proof} ; délai suspendu à partir du {date}</translation>
        </message>
        <message>
            <source>{proof} — {party}: {name}</source>
            <translation>{proof} — {party} : {name}</translation>
        </message>
        <message>
            <source>{proof}: {decision}</source>
            <translation>{proof} : {decision}</translation>
        </message>
        <message>
            <source>{rights}; channel: {channel}</source>
            <translation>{rights} ; canal : {channel}</translation>
        </message>
        <message>
            <source>{shown} of {total} requests</source>
            <translation>{shown} demandes sur {total}</translation>
        </message>
        <message>
            <source>{systems}: cannot find the person without her or his {needs}. Add it to the request:</source>
            <translation>{systems} : impossible de trouver la personne sans {needs}. Complétez la demande :</translation>
        </message>
        <message>
            <source>{system} — files: {files}; rows: {rows}; matches: {found}</source>
            <translation>{system} — fichiers : {files} ; lignes : {rows} ; correspondances : {found}</translation>
        </message>
        <message numerus="yes">
            <source>{system}: %n match(es) still to confirm or reject (Extracts).</source>
            <translation>
                <numerusform>{system} : %n correspondance encore à confirmer ou rejeter (Extractions).</numerusform>
                <numerusform>{system} : %n correspondances encore à confirmer ou rejeter (Extractions).</numerusform>
            </translation>
        </message>
        <message>
            <source>{system}: not searched yet. Import its extract, or mark it not applicable with a reason (Extracts).</source>
            <translation>{system} : pas encore consulté. Importez son extraction, ou marquez-le sans objet avec un motif (Extractions).</translation>
        </message>
        <message>
            <source>— choose —</source>
            <translation>— choisir —</translation>
        </message>
        <message>
            <source>— leave this file out —</source>
            <translation>— laisser ce fichier de côté —</translation>
        </message>
        <message>
            <source>— not used —</source>
            <translation>— non utilisée —</translation>
        </message>
        <message>
            <source>“{ident}” cannot be used: it must be 2 to 40 lower-case letters, digits or _, and not in use.</source>
            <translation>« {ident} » ne convient pas : 2 à 40 minuscules, chiffres ou _, et pas déjà utilisé.</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more.</source>
            <translation>
                <numerusform>… et %n autre.</numerusform>
                <numerusform>… et %n autres.</numerusform>
            </translation>
        </message>
        <message>
            <source>◀ Page</source>
            <translation>◀ Page</translation>
        </message>
    </context>
</TS>
