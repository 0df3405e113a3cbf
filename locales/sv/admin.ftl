# Administratörens köer (övertagande av föreningar, servicehandledare, anmälningar,
# e-post, händelselogg) och det användare ber administratören om.

admin-nav = Administration
admin-nav-associations = Föreningar
admin-nav-claims = Övertaganden
admin-nav-counsellors = Servicehandledare
admin-nav-reports = Anmälningar
admin-nav-emails = E-post
admin-nav-audit = Händelselogg
admin-queue-empty = Inget att behandla.
admin-received = Inkommen
admin-decided = Behandlad
admin-approve = Godkänn
admin-reject = Avslå
admin-revoke = Ta bort behörigheten
admin-reason = Motivering
admin-reason-hint = Användaren får motiveringen per e-post.
admin-reject-reason-of = Motivering till avslaget ({ $name })
admin-revoke-reason-of = Motivering till att behörigheten tas bort ({ $name })
admin-actions = Åtgärder
field-reason-required = Berätta kort för användaren varför.

admin-claims-title = Övertagande av föreningar
admin-claims-count = { $count ->
    [one] 1 begäran
   *[other] { $count } begäranden
}
admin-claimant = Den som begär
admin-claim-justification = Motivering
claim-status-pending = väntande
claim-status-approved = godkända
claim-status-rejected = avslagna

admin-counsellors-title = Servicehandledare
admin-counsellors-count = { $count ->
    [one] 1 person
   *[other] { $count } personer
}
counsellor-status-pending = väntande begäranden
counsellor-status-approved = servicehandledare
counsellor-status-rejected = avslagna
counsellor-status-revoked = behörigheten borttagen
counsellor-organisation = Organisation
counsellor-job-title = Yrkesbeteckning
counsellor-municipality = Kommun där du arbetar
counsellor-work-email = E-post i arbetet

admin-reports-title = Anmälningar om olämpligt innehåll
admin-reports-count = { $count ->
    [one] 1 anmälan
   *[other] { $count } anmälningar
}
report-status-open = öppna
report-status-closed = stängda
report-target-task = Uppdrag
report-target-association = Förening
report-target-deleted = (raderad)
report-target-state = Status nu
report-task-hidden = dold
report-reason = Orsak
report-reason-inappropriate_for_minors = olämpligt för unga
report-reason-asks_for_money = ber om pengar
report-reason-not_real = inte äkta
report-reason-other = annan orsak
report-reporter = Anmälare
report-anonymous = anonym
report-signed-in = inloggad användare (får veta utfallet)
report-details = Anmälarens beskrivning
report-outcome = Utfall
report-outcome-of = Utfall: { $name }
report-outcome-no_action = inga åtgärder
report-outcome-task_hidden = uppdraget doldes
report-outcome-association_suspended = föreningen spärrades
report-outcome-user_suspended = användarkontot spärrades
report-note = Anteckning för administratörerna
report-note-hint = Frivilligt. Anmälaren ser inte detta; hen får bara veta om åtgärder vidtogs.
report-close = Stäng anmälan
report-hide-task = Dölj uppdraget
report-restore-task = Visa uppdraget igen
report-suspend-association = Spärra föreningen
field-outcome-not_a_task = Att dölja ett uppdrag passar bara en anmälan om ett uppdrag.

admin-emails-title = E-post
admin-emails-count = { $count ->
    [one] 1 meddelande
   *[other] { $count } meddelanden
}
admin-emails-masked = Av mottagarna syns bara adressens första tecken och domänen.
email-status-failed = misslyckade
email-status-pending = i kö
email-status-sent = skickade
email-subject = Ämne
email-recipient = Mottagare
email-kind = Typ av meddelande
email-attempts = Försök
email-last-error = Senaste fel
email-retry = Skicka igen

admin-audit-title = Händelselogg
admin-audit-count = { $count ->
    [one] 1 händelse
   *[other] { $count } händelser
}
audit-when = Tid
audit-actor = Utförare
audit-actor-service = tjänsten själv
audit-action = Åtgärd
audit-any-action = Alla åtgärder
audit-target = Objekt
audit-detail = Tilläggsuppgift
audit-id-hint = Hela identifieraren (id).
audit-from = Från (dag)
audit-to = Till (dag)
audit-filter = Visa
audit-clear = Töm filtren
audit-filter-by-target = Visa händelserna för detta objekt
audit-filter-by-actor = Visa händelserna för denna utförare
audit-open-page = öppna sidan
audit-action-association_verified = förening bekräftad
audit-action-association_suspended = förening spärrad
audit-action-claim_approved = övertagande godkänt
audit-action-claim_rejected = övertagande avslaget
audit-action-associations_imported = föreningar importerade
audit-action-counsellor_approved = servicehandledare godkänd
audit-action-counsellor_rejected = begäran om att bli servicehandledare avslagen
audit-action-counsellor_revoked = servicehandledarens behörighet borttagen
audit-action-member_invited = medlem inbjuden
audit-action-member_joined = medlem anslöt sig
audit-action-member_role_changed = medlemmens roll ändrad
audit-action-member_removed = medlemskap avslutat
audit-action-record_check_entered = straffregisterutdrag antecknat som sett
audit-action-email_retried = e-post skickad igen
audit-action-account_erased = konto raderat
audit-action-task_hidden = uppdrag dolt
audit-action-task_restored = uppdrag synligt igen
audit-action-user_suspended = användarkonto spärrat
audit-action-user_reinstated = användarkontots spärr hävd
audit-action-report_closed = anmälan stängd
audit-target-association = förening
audit-target-claim = övertagande
audit-target-counsellor_request = begäran om att bli servicehandledare
audit-target-invitation = inbjudan
audit-target-user = användare
audit-target-signup = anmälan till uppdrag
audit-target-email = e-post
audit-target-batch = importparti
audit-target-task = uppdrag
audit-target-report = anmälan

counsellor-request-title = Rollen som servicehandledare
counsellor-request-intro = En servicehandledare (till exempel inom ungdomstjänster, Navigatorn, en välfärdsstation eller socialt arbete) kan söka uppdrag åt sina klienter och hänvisa dem till dem. Administratören kontrollerar varje begäran.
counsellor-request-state = Din begäran
counsellor-request-sent = Din begäran har skickats. Du får e-post när administratören har behandlat den.
counsellor-request-again = Skicka en ny begäran
counsellor-request-send = Skicka begäran
counsellor-mine-pending = väntar på administratörens beslut
counsellor-mine-approved = godkänd: du är servicehandledare
counsellor-mine-rejected = inte godkänd
counsellor-mine-revoked = behörigheten borttagen
counsellor-organisation-hint = Till exempel ”Villmanstrands stads ungdomstjänster, Navigatorn”.
counsellor-choose-municipality = Välj kommun
counsellor-work-email-hint = Frivilligt. Hjälper administratören att kontrollera att du arbetar i organisationen.
problem-counsellor-request-open = Du har redan en begäran som väntar på behandling eller rollen som servicehandledare.

claim-cta-title = Representerar du denna förening?
claim-cta-text = Föreningen har ännu ingen som sköter den på Talkoot. En representant för föreningen kan ta över den när administratören har godkänt begäran.
claim-cta-link = Begär att få ta över föreningen
claim-intro = Berätta hur du representerar föreningen. Administratören kontrollerar begäran och du får beslutet per e-post. Om begäran godkänns blir du föreningens ägare.
claim-justification = Hur representerar du föreningen?
claim-justification-hint = Till exempel din roll i föreningen och sedan när, 10–2000 tecken.
field-justification-invalid = Berätta med 10–2000 tecken hur du representerar föreningen.
claim-send = Skicka begäran
claim-not-claimable = Föreningen har redan personer som sköter den. Be dem bjuda in dig.
claim-back = Tillbaka till föreningens sida
claim-sent-title = Begäran skickad
claim-sent = Din begäran att ta över föreningen { $name } har skickats till administratören. Du får beslutet per e-post.
admin-user-title = Användarkonto
admin-user-name = Namn
admin-user-since = Skapat
admin-user-state = Status
admin-user-active = i bruk
admin-user-unverified = e-postadressen är inte bekräftad
admin-user-suspended-at = avstängt { $time }
admin-user-is-admin = administratör
admin-user-audit = Kontots händelser i loggen
admin-user-suspend-hint = Ett avstängt konto kan inte logga in, och alla dess inloggningar avslutas genast.
admin-user-suspend = Stäng av kontot
admin-user-reinstate = Häv avstängningen
