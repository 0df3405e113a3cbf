# Ylläpidon jonot (yhdistysten haltuunotot, palveluohjaajat, ilmoitukset, sähköpostit,
# tapahtumaloki) ja käyttäjän pyynnöt ylläpidolle.

admin-nav = Ylläpito
admin-nav-associations = Yhdistykset
admin-nav-claims = Haltuunotot
admin-nav-counsellors = Palveluohjaajat
admin-nav-reports = Ilmoitukset
admin-nav-emails = Sähköpostit
admin-nav-audit = Tapahtumaloki
admin-queue-empty = Ei mitään käsiteltävää.
admin-received = Saapui
admin-decided = Käsitelty
admin-approve = Hyväksy
admin-reject = Hylkää
admin-revoke = Poista oikeus
admin-reason = Perustelu
admin-reason-hint = Käyttäjä saa perustelun sähköpostilla.
admin-reject-reason-of = Hylkäyksen perustelu ({ $name })
admin-revoke-reason-of = Oikeuden poistamisen perustelu ({ $name })
admin-actions = Toiminnot
field-reason-required = Kerro käyttäjälle lyhyesti, miksi.

admin-claims-title = Yhdistysten haltuunotot
admin-claims-count = { $count ->
    [one] 1 pyyntö
   *[other] { $count } pyyntöä
}
admin-claimant = Pyytäjä
admin-claim-justification = Perustelu
claim-status-pending = odottavat
claim-status-approved = hyväksytyt
claim-status-rejected = hylätyt

admin-counsellors-title = Palveluohjaajat
admin-counsellors-count = { $count ->
    [one] 1 henkilö
   *[other] { $count } henkilöä
}
counsellor-status-pending = odottavat pyynnöt
counsellor-status-approved = palveluohjaajat
counsellor-status-rejected = hylätyt
counsellor-status-revoked = oikeus poistettu
counsellor-organisation = Organisaatio
counsellor-job-title = Tehtävänimike
counsellor-municipality = Kunta, jossa työskentelet
counsellor-work-email = Työsähköposti

admin-reports-title = Ilmoitukset asiattomasta sisällöstä
admin-reports-count = { $count ->
    [one] 1 ilmoitus
   *[other] { $count } ilmoitusta
}
report-status-open = avoimet
report-status-closed = suljetut
report-target-task = Tehtävä
report-target-association = Yhdistys
report-target-deleted = (poistettu)
report-target-state = Tila nyt
report-task-hidden = piilotettu
report-reason = Syy
report-reason-inappropriate_for_minors = sopimaton nuorille
report-reason-asks_for_money = pyytää rahaa
report-reason-not_real = ei aito
report-reason-other = muu syy
report-reporter = Ilmoittaja
report-anonymous = nimetön
report-signed-in = kirjautunut käyttäjä (saa tiedon ratkaisusta)
report-details = Ilmoittajan kuvaus
report-outcome = Ratkaisu
report-outcome-of = Ratkaisu: { $name }
report-outcome-no_action = ei toimenpiteitä
report-outcome-task_hidden = tehtävä piilotettu
report-outcome-association_suspended = yhdistys jäädytetty
report-outcome-user_suspended = käyttäjätili jäädytetty
report-note = Muistiinpano ylläpidolle
report-note-hint = Vapaaehtoinen. Ilmoittaja ei näe tätä; hän saa tietää vain, ryhdyttiinkö toimiin.
report-close = Sulje ilmoitus
report-hide-task = Piilota tehtävä
report-restore-task = Palauta tehtävä näkyviin
report-suspend-association = Jäädytä yhdistys
field-outcome-not_a_task = Tehtävän piilottaminen sopii vain tehtävästä tehtyyn ilmoitukseen.

admin-emails-title = Sähköpostit
admin-emails-count = { $count ->
    [one] 1 viesti
   *[other] { $count } viestiä
}
admin-emails-masked = Vastaanottajista näkyy vain osoitteen ensimmäinen merkki ja verkkotunnus.
email-status-failed = epäonnistuneet
email-status-pending = jonossa
email-status-sent = lähetetyt
email-subject = Aihe
email-recipient = Vastaanottaja
email-kind = Viestin laji
email-attempts = Yrityksiä
email-last-error = Viimeisin virhe
email-retry = Lähetä uudelleen

admin-audit-title = Tapahtumaloki
admin-audit-count = { $count ->
    [one] 1 tapahtuma
   *[other] { $count } tapahtumaa
}
audit-when = Aika
audit-actor = Tekijä
audit-actor-service = palvelu itse
audit-action = Toimenpide
audit-any-action = Kaikki toimenpiteet
audit-target = Kohde
audit-detail = Lisätieto
audit-id-hint = Tunniste (id) kokonaisuudessaan.
audit-from = Alkaen (päivä)
audit-to = Päättyen (päivä)
audit-filter = Näytä
audit-clear = Tyhjennä rajaukset
audit-filter-by-target = Näytä tämän kohteen tapahtumat
audit-filter-by-actor = Näytä tämän tekijän tapahtumat
audit-open-page = avaa sivu
audit-action-association_verified = yhdistys vahvistettu
audit-action-association_suspended = yhdistys jäädytetty
audit-action-claim_approved = haltuunotto hyväksytty
audit-action-claim_rejected = haltuunotto hylätty
audit-action-associations_imported = yhdistyksiä tuotu
audit-action-counsellor_approved = palveluohjaaja hyväksytty
audit-action-counsellor_rejected = palveluohjaajapyyntö hylätty
audit-action-counsellor_revoked = palveluohjaajan oikeus poistettu
audit-action-member_invited = jäsen kutsuttu
audit-action-member_joined = jäsen liittynyt
audit-action-member_role_changed = jäsenen rooli muutettu
audit-action-member_removed = jäsenyys päättynyt
audit-action-record_check_entered = rikostaustaote merkitty nähdyksi
audit-action-email_retried = sähköposti lähetetty uudelleen
audit-action-account_erased = tili poistettu
audit-action-task_hidden = tehtävä piilotettu
audit-action-task_restored = tehtävä palautettu
audit-action-user_suspended = käyttäjätili jäädytetty
audit-action-user_reinstated = käyttäjätilin jäädytys purettu
audit-action-report_closed = ilmoitus suljettu
audit-target-association = yhdistys
audit-target-claim = haltuunotto
audit-target-counsellor_request = palveluohjaajapyyntö
audit-target-invitation = kutsu
audit-target-user = käyttäjä
audit-target-signup = ilmoittautuminen
audit-target-email = sähköposti
audit-target-batch = tuontierä
audit-target-task = tehtävä
audit-target-report = ilmoitus

counsellor-request-title = Palveluohjaajan rooli
counsellor-request-intro = Palveluohjaaja (esimerkiksi nuorisopalveluissa, Ohjaamossa, hyvinvointiasemalla tai sosiaalityössä) voi etsiä asiakkailleen tehtäviä ja ohjata heitä niihin. Ylläpito tarkistaa jokaisen pyynnön.
counsellor-request-state = Pyyntösi tila
counsellor-request-sent = Pyyntösi on lähetetty. Saat sähköpostia, kun ylläpito on käsitellyt sen.
counsellor-request-again = Lähetä uusi pyyntö
counsellor-request-send = Lähetä pyyntö
counsellor-mine-pending = odottaa ylläpidon päätöstä
counsellor-mine-approved = hyväksytty: olet palveluohjaaja
counsellor-mine-rejected = ei hyväksytty
counsellor-mine-revoked = oikeus poistettu
counsellor-organisation-hint = Esimerkiksi ”Lappeenrannan kaupungin nuorisopalvelut, Ohjaamo”.
counsellor-choose-municipality = Valitse kunta
counsellor-work-email-hint = Vapaaehtoinen. Auttaa ylläpitoa tarkistamaan, että työskentelet organisaatiossa.
problem-counsellor-request-open = Sinulla on jo käsittelyä odottava pyyntö tai palveluohjaajan rooli.

claim-cta-title = Edustatko tätä yhdistystä?
claim-cta-text = Yhdistyksellä ei ole vielä ylläpitäjää Talkoissa. Yhdistyksen edustaja voi ottaa sen hallintaansa, kun ylläpito on hyväksynyt pyynnön.
claim-cta-link = Pyydä yhdistystä hallintaasi
claim-intro = Kerro, miten edustat yhdistystä. Ylläpito tarkistaa pyynnön, ja saat päätöksen sähköpostilla. Hyväksytystä pyynnöstä tulet yhdistyksen omistajaksi.
claim-justification = Miten edustat yhdistystä?
claim-justification-hint = Esimerkiksi asemasi yhdistyksessä ja mistä lähtien, 10–2000 merkkiä.
field-justification-invalid = Kerro 10–2000 merkillä, miten edustat yhdistystä.
claim-send = Lähetä pyyntö
claim-not-claimable = Tällä yhdistyksellä on jo ylläpitäjät. Pyydä heitä kutsumaan sinut.
claim-back = Takaisin yhdistyksen sivulle
claim-sent-title = Pyyntö lähetetty
claim-sent = Pyyntösi ottaa yhdistys { $name } hallintaan on lähetetty ylläpidolle. Saat päätöksen sähköpostilla.
admin-user-title = Käyttäjätili
admin-user-name = Nimi
admin-user-since = Luotu
admin-user-state = Tila
admin-user-active = käytössä
admin-user-unverified = sähköpostia ei ole vahvistettu
admin-user-suspended-at = jäädytetty { $time }
admin-user-is-admin = ylläpitäjä
admin-user-audit = Tilin tapahtumat lokissa
admin-user-suspend-hint = Jäädytetty tili ei voi kirjautua, ja sen kaikki kirjautumiset päättyvät heti.
admin-user-suspend = Jäädytä tili
admin-user-reinstate = Poista jäädytys
