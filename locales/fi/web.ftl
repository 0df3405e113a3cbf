# Talkoot web pages, Finnish. Keys are the same in fi, sv and en (a unit test checks).

skip-to-content = Siirry sisältöön
nav-main = Päävalikko
nav-tasks = Etsi tehtäviä
nav-my-signups = Omat ilmoittautumiset
nav-logout = Kirjaudu ulos ({ $name })
nav-login = Kirjaudu
nav-register = Luo tili
nav-language = Kieli
footer-text = Talkoot – alueen yhdistysten vapaaehtoistehtävät nuorille.

home-title = Löydä vapaaehtoistehtävä
home-lead = Alueen yhdistykset etsivät sinua: tapahtumia, kerhoja, talkoita ja paljon muuta. Etsi tehtävä, joka sopii ikääsi, paikkakuntaasi ja kiinnostuksiisi.
home-demo-title = Tietokanta on tyhjä
home-demo-text = Lataa esittelyaineisto (yhdistyksiä, tehtäviä ja esittelytunnukset), niin näet palvelun toiminnassa:
home-newest = Uusimmat tehtävät
home-all-tasks = Kaikki tehtävät

error-title = Jokin meni vikaan
error-not-found-title = Sivua ei löydy
error-forbidden-title = Ei oikeutta
error-rate-limited-title = Liian monta yritystä
error-server-title = Palvelussa on häiriö
error-bad-request = Pyyntöä ei voitu käsitellä. Tarkista tiedot ja yritä uudelleen.
error-forbidden = Sinulla ei ole oikeutta tähän. Lähetä lomake uudelleen tämän palvelun sivulta.
error-not-found = Etsimääsi sivua ei ole, tai se ei ole julkinen.
error-conflict = Tieto on muuttunut välillä. Lataa sivu uudelleen ja yritä uudestaan.
error-too-large = Lähetetty tieto on liian suuri.
error-rate-limited = Yrityksiä on ollut liian monta. Odota hetki ja yritä uudelleen.
error-server = Palvelussa on tilapäinen häiriö. Yritä hetken päästä uudelleen.
error-home-link = Etusivulle

problem-too-young = Olet liian nuori tähän tehtävään.
problem-too-old = Tämä tehtävä on nuoremmille.
problem-task-full = Kaikki paikat on jo täytetty.
problem-deadline-passed = Ilmoittautuminen on päättynyt.
problem-task-ended = Tehtävä on jo päättynyt.
problem-task-not-open = Tehtävään ei voi ilmoittautua.
problem-already-signed-up = Olet jo ilmoittautunut tähän tehtävään.
problem-birth-date-missing = Lisää syntymäaikasi profiiliin: tehtävillä on ikärajat.
problem-email-not-verified = Vahvista ensin sähköpostiosoitteesi sinulle lähetetyllä linkillä.
problem-invalid-token = Linkki on vanhentunut tai jo käytetty. Pyydä uusi linkki.
problem-account-suspended = Ylläpito on jäädyttänyt tämän tilin. Ota yhteyttä ylläpitoon.

form-errors-title = Korjaa nämä kohdat
field-required = Tämä tieto tarvitaan.
field-invalid = Tarkista tämä tieto.
field-too_long = Teksti on liian pitkä.
field-invalid_email = Tämä ei ole sähköpostiosoite.
field-too_weak = Salasana on liian helppo arvata. Käytä pidempää tai harvinaisempaa salasanaa.
field-too_short = Salasana on liian lyhyt.
field-in_future = Syntymäaika on tulevaisuudessa.
field-too_young = Rekisteröityäksesi sinun on oltava vähintään 13-vuotias.
field-implausible = Tarkista syntymäaika.
field-unknown_municipality = Valitse kunta listasta.
field-birth_date-invalid = Anna syntymäaika.

search-title = Vapaaehtoistehtävät
search-q-label = Hakusana
search-filters = Rajaa hakua
search-municipality-label = Kunta
search-any-municipality = Kaikki kunnat
search-region-label = Maakunta
search-any-region = Kaikki maakunnat
search-categories-legend = Aiheet
search-schedule-label = Aikataulu
search-any-schedule = Mikä tahansa
search-age-label = Ikäsi
search-age-hint = Näytämme vain tehtävät, joihin ikäsi sopii.
search-options-legend = Muut toiveet
search-has-spots = Vain tehtävät, joissa on tilaa
search-beginner-friendly = Sopii aloittelijalle
search-remote = Etänä tehtävät
search-supported = Tuettu tehtävä (ohjaaja mukana)
search-sort-label = Järjestys
search-submit = Hae
search-results-count = { $count ->
    [one] 1 tehtävä
   *[other] { $count } tehtävää
}
search-corrected = Haettiin myös sanalla
search-by-municipality = Rajaa kunnan mukaan
search-nothing = Hakuehdoilla ei löytynyt tehtäviä. Kokeile väljempää hakua.
search-pages = Sivut
search-previous = Edellinen sivu
search-page = Sivu
search-next = Seuraava sivu
sort-relevance = Osuvimmat ensin
sort-newest = Uusimmat ensin
sort-starts_at = Alkamisaika
sort-deadline = Ilmoittautumisaika päättyy
schedule-fixed = Tiettynä aikana
schedule-flexible = Joustava aika
schedule-ongoing = Jatkuva

task-remote = etänä
task-waitlist-only = Täynnä, varasijalle voi ilmoittautua
task-full = Täynnä
task-spots-left = { $count ->
    [one] 1 paikka vapaana
   *[other] { $count } paikkaa vapaana
}
task-spots-unlimited = Ei paikkarajaa
task-beginner-friendly = Sopii aloittelijalle
task-supported = Tuettu
task-where = Missä
task-when = Milloin
task-spots = Paikat
task-hours = Arvioitu kesto (h)
task-ages = Ikä
task-deadline = Ilmoittaudu viimeistään
task-contact = Yhteyshenkilö
task-record-check = Tehtävään valitun on esitettävä rikostaustaote (laki 148/2014).
task-all-ages = Kaikenikäisille
task-share = Jaa ja tallenna
task-add-to-calendar = Lisää kalenteriin (.ics)
task-share-link = Linkki tehtävään

signup-title = Ilmoittaudu
signup-you-are = Olet ilmoittautunut: { $status }.
signup-log-in = Kirjaudu ilmoittautuaksesi
signup-message = Viesti yhdistykselle (vapaaehtoinen)
signup-button = Ilmoittaudu mukaan
signup-reason-not_published = Tehtävään ei voi ilmoittautua.
signup-reason-deadline_passed = Ilmoittautuminen on päättynyt.
signup-reason-ended = Tehtävä on jo päättynyt.
signup-reason-sign_in_required = Kirjaudu ilmoittautuaksesi.
signup-reason-birth_date_missing = Lisää syntymäaikasi profiiliin: tehtävillä on ikärajat.
signup-reason-too_young = Olet liian nuori tähän tehtävään.
signup-reason-too_old = Tämä tehtävä on nuoremmille.
signup-reason-already_signed_up = Olet jo ilmoittautunut.
signup-reason-full = Kaikki paikat on jo täytetty.
signup-status-pending = odottaa yhdistyksen vahvistusta
signup-status-accepted = hyväksytty
signup-status-waitlisted = varasijalla
signup-status-declined = ei valittu
signup-status-withdrawn = peruttu
signup-status-completed = tehty
signup-status-no_show = ei saapunut
signup-status-cancelled = tehtävä peruttiin

register-title = Luo tili
register-sent-title = Tarkista sähköpostisi
register-sent = Jos osoitetta voi käyttää, siihen on lähetetty viesti. Vahvista osoitteesi viestin linkillä.
register-name = Nimi, jonka yhdistykset näkevät
register-email = Sähköposti
register-password = Salasana
register-password-hint = Vähintään 10 merkkiä. Pitkä lause on hyvä salasana.
register-birth-date = Syntymäaika
register-birth-date-hint = Tehtävillä on ikärajoja. Yhdistykset näkevät vain ikäsi, eivät syntymäaikaa.
register-municipality = Kotikunta (vapaaehtoinen)
register-municipality-none = En kerro
register-privacy = Tietojasi käytetään vain tehtävien välittämiseen. Voit ladata tai poistaa tietosi milloin vain.
register-submit = Luo tili
register-have-account = Onko sinulla jo tili? Kirjaudu

verify-title = Vahvista sähköpostiosoite
verify-intro = Vahvista osoitteesi painamalla alla olevaa painiketta.
verify-button = Vahvista osoite
verify-done-title = Osoite vahvistettu
verify-done = Kiitos! Osoitteesi on vahvistettu, ja voit nyt ilmoittautua tehtäviin.

login-title = Kirjaudu
login-email = Sähköposti
login-password = Salasana
login-submit = Kirjaudu
login-wrong = Sähköposti tai salasana on väärin.
login-unverified = Vahvista ensin sähköpostiosoitteesi sinulle lähetetyllä linkillä.
login-resend = Lähetä vahvistuslinkki uudelleen
login-forgot = Unohditko salasanan?
login-no-account = Ei vielä tiliä? Luo tili

reset-title = Uusi salasana
reset-intro = Lähetämme sähköpostiisi linkin, jolla voit valita uuden salasanan.
reset-send = Lähetä linkki
reset-sent = Jos osoitteella on tili, siihen on lähetetty linkki uuden salasanan valintaan.
reset-new-password = Uusi salasana
reset-save = Tallenna salasana
reset-done = Salasana on vaihdettu, ja kaikki aiemmat kirjautumiset on lopetettu. Kirjaudu uudella salasanalla.

my-signups-title = Omat ilmoittautumiset
my-signups-none = Et ole vielä ilmoittautunut tehtäviin.
my-signups-status = Tila
my-signups-history = Vaiheet
my-signups-withdraw = Peru ilmoittautuminen
