# Talkoot emails, Swedish. Keys are the same in fi, sv and en (a unit test checks).
#
# Each email is email-<kind>-subject and email-<kind>-body, <kind> being its template's name
# (Template::kind in src/email/templates.rs, with - for _); the other keys are parts that
# the code puts together (lists, optional lines).
#
# Plain text: what is written here is what the reader gets, line by line. Every body is
# followed by a blank line and email-signature. Values ({ $name }, { $link } …) are inserted
# as they are; times and hours arrive already written for the reader.
# Where a text depends on a yes/no value ({ $accepted }, { $acted }, { $one-hour }), the
# variant marked * is the one used for "no".

email-signature =
    Hälsningar
    Talkoot

## Accounts

email-verify-email-subject = Bekräfta din e-postadress
email-verify-email-body =
    Hej { $name },

    tack för att du gick med i Talkoot! Bekräfta din e-postadress genom att öppna länken:

    { $link }

    Länken gäller i 48 timmar. Om du inte skapade ett konto kan du ignorera det här meddelandet.

email-account-exists-subject = Du har redan ett Talkoot-konto
email-account-exists-body =
    Hej { $name },

    någon (förhoppningsvis du) försökte skapa ett nytt konto med den här e-postadressen, men du har redan ett konto. Du kan logga in som vanligt. Om du har glömt ditt lösenord kan du byta det här:

    { $reset-link }

    Om det inte var du behöver du inte göra något.

email-password-reset-subject = Byt lösenord
email-password-reset-body =
    Hej { $name },

    du kan byta ditt Talkoot-lösenord genom att öppna länken:

    { $link }

    Länken gäller i en timme och fungerar en gång. Om du inte bad om ett nytt lösenord kan du ignorera det här meddelandet.

email-password-changed-subject = Ditt lösenord har bytts
email-password-changed-body =
    Hej { $name },

    lösenordet till ditt Talkoot-konto byttes nyss och alla tidigare inloggningar avslutades. Om det inte var du, byt lösenord genast och kontakta administratören.

## Associations. { $role } is "owner" or another role (an editor).

email-association-verified-subject = { $association } finns nu på Talkoot
email-association-verified-body =
    Hej { $name },

    administratören har verifierat föreningen { $association }. Föreningskortet syns nu för alla och ni kan publicera frivilliguppdrag:

    { $link }

email-association-suspended-subject = { $association } har dolts
email-association-suspended-body =
    Hej { $name },

    administratören har stängt av föreningen { $association } på Talkoot. Föreningskortet och uppdragen syns inte för andra. Kontakta administratören om du vill veta varför.

email-member-invited-subject = Inbjudan till { $association }
email-member-invited-body =
    Hej,

    { $inviter } har bjudit in dig att sköta föreningen { $association } på Talkoot, som samlar regionens frivilliguppdrag (roll: { $role ->
        [owner] ägare
       *[other] redaktör
    }). Du kan tacka ja eller nej till inbjudan här:

    { $link }

    För att tacka ja behöver du ett Talkoot-konto med den här e-postadressen. Om du inte har något konto ännu, skapa ett här och återvänd sedan till inbjudan:

    { $register-link }

    Inbjudan gäller i 14 dagar. Om du inte känner den som bjöd in dig eller inte vill vara med, tacka nej eller ignorera meddelandet: du blir inte medlem utan att själv godkänna det.

email-invitation-accepted-subject = { $member } gick med i { $association }
email-invitation-accepted-body =
    Hej { $name },

    { $member } tackade ja till din inbjudan och är nu med i föreningen { $association } på Talkoot (roll: { $role ->
        [owner] ägare
       *[other] redaktör
    }).

    { $link }

email-claim-approved-subject = Du är nu ägare av { $association }
email-claim-approved-body =
    Hej { $name },

    administratören godkände din begäran: du är nu ägare av föreningen { $association } på Talkoot och kan uppdatera föreningskortet:

    { $link }

email-claim-rejected-subject = Din begäran om { $association }
email-claim-rejected-body =
    Hej { $name },

    administratören kunde inte godkänna din begäran att bli ägare av föreningen { $association }. Om du företräder föreningen, kontakta administratören och berätta hur din ställning kan bekräftas.

## Sign-ups, to the association. { $status } is pending (the association decides),
## accepted (accepted automatically) or waitlisted (the task is full).

email-signup-received-subject = { $status ->
        [accepted] Ny frivillig: { $task }
        [waitlisted] Ny anmälan till reservlistan: { $task }
       *[pending] Ny anmälan: { $task }
    }
email-signup-received-body =
    Hej,

    { $status ->
        [accepted] { $volunteer } har anmält sig till uppdraget ”{ $task }” hos { $association }. Uppdraget godkänner anmälningar automatiskt, så anmälan är redan godkänd. Kontakta den frivilliga vid behov – anmälan hittar ni här:
        [waitlisted] { $volunteer } har anmält sig till uppdraget ”{ $task }” hos { $association }. Uppdraget är fullt, så { $volunteer } står på reservlistan. Om en plats blir ledig flyttas de som står på reservlistan upp automatiskt i anmälningsordning. Ni behöver inte göra något. Anmälningarna hittar ni här:
       *[pending] { $volunteer } har anmält sig till uppdraget ”{ $task }” hos { $association }. Anmälan väntar på ert beslut: godkänn eller avböj den på Talkoot. { $volunteer } får beskedet per e-post.
    }

    { $link }

email-signup-withdrawn-subject = Anmälan återkallad: { $task }
email-signup-withdrawn-body =
    Hej,

    { $volunteer } har återkallat sin anmälan till uppdraget ”{ $task }” hos { $association }. Ni behöver inte göra något: om en plats blev ledig och någon står på reservlistan flyttas den första upp automatiskt. Anmälningarna till uppdraget hittar ni här:

    { $link }

## Sign-ups, to the volunteer

email-signup-pending-subject = Tack för din anmälan: { $task }
email-signup-pending-body =
    Hej { $name },

    tack för att du anmälde dig till uppdraget ”{ $task }” hos { $association }! Föreningen går själv igenom anmälningarna, och du får ett e-postmeddelande när den har fattat sitt beslut. Du kan följa din anmälan här:

    { $link }

email-signup-waitlisted-subject = Du står på reservlistan: { $task }
email-signup-waitlisted-body =
    Hej { $name },

    tack för att du anmälde dig till uppdraget ”{ $task }” hos { $association }! Uppdraget är fullt just nu, så du står på reservlistan. Om en plats blir ledig flyttas du upp automatiskt och får ett e-postmeddelande om det. Här ser du din anmälan, och du kan också återkalla den om dina planer ändras:

    { $link }

# { $details } is empty, or a blank line followed by the lines
# email-signup-accepted-starts and email-signup-accepted-contact (each only when known).
email-signup-accepted-subject = Du är med: { $task }
email-signup-accepted-body =
    Hej { $name },

    vad roligt – { $association } har godkänt din anmälan till uppdraget ”{ $task }”!{ $details }

    Kom på plats i tid – föreningen hör av sig om något behöver avtalas i förväg. Om dina planer ändras, återkalla din anmälan i god tid så att platsen blir ledig för någon annan:

    { $link }
email-signup-accepted-starts = Börjar: { $starts }
email-signup-accepted-contact = Kontaktperson: { $contact }

email-signup-declined-subject = Om din anmälan: { $task }
email-signup-declined-body =
    Hej { $name },

    tack för ditt intresse för uppdraget ”{ $task }” hos { $association }. Föreningen kunde tyvärr inte ta med dig den här gången – det kan till exempel bero på att det redan finns tillräckligt många frivilliga. Ge inte upp: på Talkoot finns många andra uppdrag där din hjälp behövs:

    { $link }

# { $accepted }: yes when the sign-up is now accepted, no when it waits for the
# association's decision.
email-signup-moved-up-subject = { $accepted ->
        [yes] Du fick en plats: { $task }
       *[no] Du har flyttats upp från reservlistan: { $task }
    }
email-signup-moved-up-body =
    Hej { $name },

    { $accepted ->
        [yes] goda nyheter: en plats blev ledig i uppdraget ”{ $task }” hos { $association }, och du har flyttats upp från reservlistan! Din anmälan är nu godkänd. Kom på plats i tid – föreningen hör av sig om något behöver avtalas i förväg. Om du inte längre kan delta, återkalla din anmälan så att platsen går till nästa person:
       *[no] goda nyheter: en plats blev ledig i uppdraget ”{ $task }” hos { $association }, och du har flyttats upp från reservlistan! Din anmälan väntar nu på föreningens beslut, och du får ett e-postmeddelande när beslutet är fattat. Här ser du din anmälan:
    }

    { $link }

email-signup-task-cancelled-subject = Uppdraget har ställts in: { $task }
email-signup-task-cancelled-body =
    Hej { $name },

    { $association } har tyvärr ställt in uppdraget ”{ $task }”, så din anmälan har också annullerats. Du behöver inte göra något. Tack för att du ville hjälpa till – här hittar du andra uppdrag:

    { $link }

# { $hours } is written already (e.g. 3.5); { $one-hour } is yes when it is exactly 1.
email-signup-completed-subject = Tack för din insats: { $task }
email-signup-completed-body =
    Hej { $name },

    { $association } har markerat uppdraget ”{ $task }” som slutfört och registrerat { $hours } { $one-hour ->
        [yes] timme
       *[no] timmar
    } för dig. Stort tack för din hjälp! Timmarna syns nu i din frivillighistorik, där du också kan ge respons på uppdraget:

    { $link }

## Service counsellors and referrals. { $offer } is one of the email-offer-* texts.

email-offer-task = frivilliguppdraget "{ $task }" ({ $association })
email-offer-service = tjänsten "{ $service }" ({ $association })
email-offer-association = föreningen { $association }

email-counsellor-approved-subject = Du är nu servicehandledare på Talkoot
email-counsellor-approved-body =
    Hej { $name },

    administratören har godkänt dig som servicehandledare ({ $organisation }). Du kan nu söka uppdrag och föreningars tjänster åt dina klienter och hänvisa dem:

    { $link }

email-counsellor-rejected-subject = Din begäran om att bli servicehandledare
email-counsellor-rejected-body =
    Hej { $name },

    administratören godkände inte din begäran om att bli servicehandledare. Motivering:

    { $reason }

    Du kan skicka en ny begäran med noggrannare uppgifter.

email-counsellor-revoked-subject = Din behörighet som servicehandledare har tagits bort
email-counsellor-revoked-body =
    Hej { $name },

    administratören har tagit bort din behörighet som servicehandledare på Talkoot. Motivering:

    { $reason }

    Du kan inte längre hänvisa klienter eller se hur det gått.

email-referral-received-subject = { $counsellor } föreslår något för dig
email-referral-received-body =
    Hej { $name },

    { $counsellor } ({ $organisation }) föreslår för dig: { $offer }. Se förslaget och meddelandet och svara om det intresserar dig:

    { $link }

    Du kan också tacka nej. Du bestämmer själv om handledaren får se hur det går.

email-referral-invitation-subject = { $counsellor } föreslår frivilligarbete för dig
email-referral-invitation-body =
    Hej,

    { $counsellor } ({ $organisation }) föreslår för dig på Talkoot: { $offer }.

    Skapa ett Talkoot-konto med den här e-postadressen så ser du förslaget och kan svara:

    { $register-link }

    När du har loggat in finns förslaget här:

    { $link }

    Förslaget gäller i { $days } dagar. Om du inte känner till saken kan du ignorera det här meddelandet.

# { $accepted }: yes when the client accepted, no when they declined.
email-referral-answered-subject = { $accepted ->
        [yes] Din klient tog emot hänvisningen
       *[no] Din klient tackade nej till hänvisningen
    }
email-referral-answered-body =
    Hej { $name },

    { $accepted ->
        [yes] din klient tog emot din hänvisning: { $offer }.
       *[no] din klient tackade nej till din hänvisning: { $offer }.
    }

    { $link }

email-referral-expired-subject = Din hänvisning blev obesvarad
email-referral-expired-body =
    Hej { $name },

    din hänvisning besvarades inte i tid och har gått ut: { $offer }.

    { $link }

## Alerts and reminders. Times ({ $when }) arrive written in Finnish time.

email-alert-digest-subject = { $count ->
        [one] Ett nytt frivilliguppdrag för dig
       *[other] { $count } nya frivilliguppdrag för dig
    }
# { $groups } brings its own blank lines: for each saved search or followed association,
# a blank line, its heading (email-alert-digest-search or -follow), a blank line, its
# tasks (each "- " email-alert-digest-task, then the place and time, then the link, one
# per line), a blank line, email-alert-digest-stop and a line break.
email-alert-digest-body =
    Hej { $name },

    det har kommit nya uppdrag på Talkoot som passar dina sökningar.
    { $groups }
    Dina sökningar och föreningar du följer ändrar du här:
    { $link }
email-alert-digest-search = Sökningen ”{ $search }”
email-alert-digest-follow = Föreningen { $association } som du följer
email-alert-digest-task = { $title } ({ $association })
email-alert-digest-stop =
    Vill du inte få de här meddelandena? Avsluta med ett klick:
    { $link }

# { $place } is the address and municipality, or empty; { $contact } is the task's
# contact person, or the association.
email-task-reminder-subject = Påminnelse: { $task } i morgon
email-task-reminder-body =
    Hej { $name },

    kom ihåg: uppdraget ”{ $task }” ({ $association }) börjar { $when }.
    { $place }

    Kontaktperson: { $contact }. Om du inte kan komma, avboka så snart som möjligt så att platsen går till någon annan:

    { $link }

# { $volunteers } is one line "- name" for each volunteer, each ending in a line break.
email-roster-summary-subject = I morgon: { $task } ({ $count } frivilliga)
email-roster-summary-body =
    Hej,

    uppdraget ”{ $task }” börjar { $when }. { $count } frivilliga kommer:

    { $volunteers }
    Deltagarlistan kan du skriva ut på Talkoot:

    { $link }

## Reports. { $acted }: yes when the administrators acted on the report.

email-report-closed-subject = Din anmälan har behandlats
email-report-closed-body =
    Hej { $name },

    tack för din anmälan om { $target }. { $acted ->
        [yes] Administratören har behandlat den och vidtagit åtgärder.
       *[no] Administratören har behandlat den och fann inget skäl att vidta åtgärder.
    }
