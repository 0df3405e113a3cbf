# Talkoot web pages, Swedish. Keys are the same in fi, sv and en (a unit test checks).

skip-to-content = Gå till innehållet
nav-main = Huvudmeny
nav-tasks = Sök uppdrag
nav-my-signups = Mina anmälningar
nav-logout = Logga ut ({ $name })
nav-login = Logga in
nav-register = Skapa konto
nav-language = Språk
footer-text = Talkoot – frivilliguppdrag för unga hos regionens föreningar.

home-title = Hitta ett frivilliguppdrag
home-lead = Föreningarna i regionen söker dig: evenemang, klubbar, talkon och mycket mer. Sök ett uppdrag som passar din ålder, din ort och dina intressen.
home-demo-title = Databasen är tom
home-demo-text = Ladda demodata (föreningar, uppdrag och demokonton) så ser du tjänsten i bruk:
home-newest = Nyaste uppdragen
home-all-tasks = Alla uppdrag

error-title = Något gick fel
error-not-found-title = Sidan finns inte
error-forbidden-title = Ingen behörighet
error-rate-limited-title = För många försök
error-server-title = Tjänsten har en störning
error-bad-request = Begäran kunde inte behandlas. Kontrollera uppgifterna och försök igen.
error-forbidden = Du har inte behörighet till detta. Skicka formuläret på nytt från tjänstens egen sida.
error-not-found = Sidan du söker finns inte eller är inte offentlig.
error-conflict = Uppgifterna har ändrats under tiden. Ladda om sidan och försök igen.
error-too-large = Det som skickades är för stort.
error-rate-limited = Det har varit för många försök. Vänta en stund och försök igen.
error-server = Tjänsten har en tillfällig störning. Försök igen om en stund.
error-home-link = Till startsidan

problem-too-young = Du är för ung för det här uppdraget.
problem-too-old = Det här uppdraget är för yngre.
problem-task-full = Alla platser är redan tagna.
problem-deadline-passed = Anmälningstiden har gått ut.
problem-task-ended = Uppdraget är redan över.
problem-task-not-open = Det går inte att anmäla sig till uppdraget.
problem-already-signed-up = Du har redan anmält dig till uppdraget.
problem-birth-date-missing = Lägg till ditt födelsedatum i profilen: uppdragen har åldersgränser.
problem-email-not-verified = Bekräfta först din e-postadress med länken vi skickade.
problem-invalid-token = Länken har gått ut eller redan använts. Be om en ny länk.
problem-account-suspended = Administratörerna har spärrat kontot. Kontakta dem.

form-errors-title = Rätta följande
field-required = Den här uppgiften behövs.
field-invalid = Kontrollera uppgiften.
field-too_long = Texten är för lång.
field-invalid_email = Det här är ingen e-postadress.
field-too_weak = Lösenordet är för lätt att gissa. Använd ett längre eller ovanligare lösenord.
field-too_short = Lösenordet är för kort.
field-in_future = Födelsedatumet ligger i framtiden.
field-too_young = Du måste vara minst 13 år för att registrera dig.
field-implausible = Kontrollera födelsedatumet.
field-unknown_municipality = Välj en kommun i listan.
field-birth_date-invalid = Ange födelsedatum.

search-title = Frivilliguppdrag
search-q-label = Sökord
search-filters = Avgränsa sökningen
search-municipality-label = Kommun
search-any-municipality = Alla kommuner
search-region-label = Landskap
search-any-region = Alla landskap
search-categories-legend = Teman
search-schedule-label = Tidtabell
search-any-schedule = Vilken som helst
search-age-label = Din ålder
search-age-hint = Vi visar bara uppdrag som passar din ålder.
search-options-legend = Övriga önskemål
search-has-spots = Bara uppdrag med lediga platser
search-beginner-friendly = Passar nybörjare
search-remote = Distansuppdrag
search-supported = Stött uppdrag (handledare med)
search-sort-label = Ordning
search-submit = Sök
search-results-count = { $count ->
    [one] 1 uppdrag
   *[other] { $count } uppdrag
}
search-corrected = Sökte också med ordet
search-by-municipality = Avgränsa enligt kommun
search-nothing = Inga uppdrag hittades. Pröva en bredare sökning.
search-pages = Sidor
search-previous = Föregående sida
search-page = Sida
search-next = Nästa sida
sort-relevance = Mest relevanta först
sort-newest = Nyaste först
sort-starts_at = Starttid
sort-deadline = Anmälningstiden går ut
schedule-fixed = Vid en viss tid
schedule-flexible = Flexibel tid
schedule-ongoing = Fortlöpande

task-remote = på distans
task-waitlist-only = Fullt, reservplats möjlig
task-full = Fullt
task-spots-left = { $count ->
    [one] 1 ledig plats
   *[other] { $count } lediga platser
}
task-spots-unlimited = Ingen platsgräns
task-beginner-friendly = Passar nybörjare
task-supported = Stött
task-where = Var
task-when = När
task-spots = Platser
task-hours = Beräknad tid (h)
task-ages = Ålder
task-deadline = Anmäl dig senast
task-contact = Kontaktperson
task-record-check = Den som väljs ska visa upp ett straffregisterutdrag (lag 148/2014).
task-all-ages = För alla åldrar
task-share = Dela och spara
task-add-to-calendar = Lägg till i kalendern (.ics)
task-share-link = Länk till uppdraget

signup-title = Anmäl dig
signup-you-are = Du är anmäld: { $status }.
signup-log-in = Logga in för att anmäla dig
signup-message = Meddelande till föreningen (frivilligt)
signup-button = Anmäl mig
signup-reason-not_published = Det går inte att anmäla sig till uppdraget.
signup-reason-deadline_passed = Anmälningstiden har gått ut.
signup-reason-ended = Uppdraget är redan över.
signup-reason-sign_in_required = Logga in för att anmäla dig.
signup-reason-birth_date_missing = Lägg till ditt födelsedatum i profilen: uppdragen har åldersgränser.
signup-reason-too_young = Du är för ung för det här uppdraget.
signup-reason-too_old = Det här uppdraget är för yngre.
signup-reason-already_signed_up = Du har redan anmält dig.
signup-reason-full = Alla platser är redan tagna.
signup-status-pending = väntar på föreningens bekräftelse
signup-status-accepted = godkänd
signup-status-waitlisted = på reservplats
signup-status-declined = inte vald
signup-status-withdrawn = återtagen
signup-status-completed = utförd
signup-status-no_show = kom inte
signup-status-cancelled = uppdraget ställdes in

register-title = Skapa konto
register-sent-title = Kolla din e-post
register-sent = Om adressen kan användas har ett meddelande skickats till den. Bekräfta adressen med länken i meddelandet.
register-name = Namn som föreningarna ser
register-email = E-post
register-password = Lösenord
register-password-hint = Minst 10 tecken. En lång mening är ett bra lösenord.
register-birth-date = Födelsedatum
register-birth-date-hint = Uppdragen har åldersgränser. Föreningarna ser bara din ålder, inte födelsedatumet.
register-municipality = Hemkommun (frivilligt)
register-municipality-none = Vill inte uppge
register-privacy = Dina uppgifter används bara för att förmedla uppdrag. Du kan ladda ner eller radera dem när som helst.
register-submit = Skapa konto
register-have-account = Har du redan ett konto? Logga in

verify-title = Bekräfta e-postadressen
verify-intro = Bekräfta din adress med knappen nedan.
verify-button = Bekräfta adressen
verify-done-title = Adressen är bekräftad
verify-done = Tack! Din adress är bekräftad och du kan nu anmäla dig till uppdrag.

login-title = Logga in
login-email = E-post
login-password = Lösenord
login-submit = Logga in
login-wrong = E-postadressen eller lösenordet är fel.
login-unverified = Bekräfta först din e-postadress med länken vi skickade.
login-resend = Skicka bekräftelselänken igen
login-forgot = Glömt lösenordet?
login-no-account = Inget konto ännu? Skapa konto

reset-title = Nytt lösenord
reset-intro = Vi skickar en länk till din e-post där du kan välja ett nytt lösenord.
reset-send = Skicka länken
reset-sent = Om adressen har ett konto har en länk för att välja nytt lösenord skickats till den.
reset-new-password = Nytt lösenord
reset-save = Spara lösenordet
reset-done = Lösenordet är bytt och alla tidigare inloggningar har avslutats. Logga in med det nya lösenordet.

my-signups-title = Mina anmälningar
my-signups-none = Du har inte anmält dig till några uppdrag ännu.
my-signups-status = Status
my-signups-history = Skeden
my-signups-withdraw = Ta tillbaka anmälan
