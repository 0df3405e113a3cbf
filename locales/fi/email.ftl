# Talkoot emails, Finnish. Keys are the same in fi, sv and en (a unit test checks).
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
    Terveisin
    Talkoot

## Accounts

email-verify-email-subject = Vahvista sähköpostiosoitteesi
email-verify-email-body =
    Hei { $name },

    kiitos, että liityit Talkoisiin! Vahvista sähköpostiosoitteesi avaamalla linkki:

    { $link }

    Linkki on voimassa 48 tuntia. Jos et luonut tiliä, voit jättää tämän viestin huomiotta.

email-account-exists-subject = Sinulla on jo Talkoot-tili
email-account-exists-body =
    Hei { $name },

    joku (toivottavasti sinä) yritti luoda uuden tilin tällä sähköpostiosoitteella, mutta sinulla on jo tili. Voit kirjautua sisään tavalliseen tapaan. Jos olet unohtanut salasanasi, voit vaihtaa sen täällä:

    { $reset-link }

    Jos et yrittänyt rekisteröityä, sinun ei tarvitse tehdä mitään.

email-password-reset-subject = Salasanan vaihtaminen
email-password-reset-body =
    Hei { $name },

    voit vaihtaa Talkoot-salasanasi avaamalla linkin:

    { $link }

    Linkki on voimassa tunnin ja toimii kerran. Jos et pyytänyt salasanan vaihtoa, voit jättää tämän viestin huomiotta.

email-password-changed-subject = Salasanasi on vaihdettu
email-password-changed-body =
    Hei { $name },

    Talkoot-tilisi salasana vaihdettiin juuri, ja kaikki aiemmat kirjautumiset päätettiin. Jos et tehnyt tätä itse, vaihda salasana heti ja ota yhteyttä ylläpitoon.

## Associations. { $role } is "owner" or another role (an editor).

email-association-verified-subject = { $association } on nyt Talkoissa
email-association-verified-body =
    Hei { $name },

    ylläpito on vahvistanut yhdistyksen { $association }. Yhdistyskortti näkyy nyt kaikille, ja voitte julkaista vapaaehtoistehtäviä:

    { $link }

email-association-suspended-subject = { $association } on piilotettu
email-association-suspended-body =
    Hei { $name },

    ylläpito on keskeyttänyt yhdistyksen { $association } näkyvyyden Talkoissa. Yhdistyskortti ja tehtävät eivät näy muille. Ota yhteyttä ylläpitoon, jos haluat tietää syyn.

email-member-invited-subject = Kutsu yhdistyksen { $association } ylläpitäjäksi
email-member-invited-body =
    Hei,

    { $inviter } kutsui sinut ylläpitämään yhdistyksen { $association } tietoja Talkoissa, joka kokoaa alueen vapaaehtoistehtävät (rooli: { $role ->
        [owner] omistaja
       *[other] muokkaaja
    }). Voit hyväksyä tai hylätä kutsun tästä:

    { $link }

    Kutsun hyväksymiseen tarvitset Talkoot-tilin tällä sähköpostiosoitteella. Jos sinulla ei vielä ole tiliä, luo se täällä ja palaa sitten kutsuun:

    { $register-link }

    Kutsu on voimassa 14 päivää. Jos et tunne kutsujaa tai et halua mukaan, hylkää kutsu tai jätä viesti huomiotta: sinusta ei tule jäsentä ilman omaa hyväksyntääsi.

email-invitation-accepted-subject = { $member } liittyi yhdistykseen { $association }
email-invitation-accepted-body =
    Hei { $name },

    { $member } hyväksyi kutsusi ja on nyt yhdistyksen { $association } jäsen Talkoissa (rooli: { $role ->
        [owner] omistaja
       *[other] muokkaaja
    }).

    { $link }

email-claim-approved-subject = Olet nyt yhdistyksen { $association } omistaja
email-claim-approved-body =
    Hei { $name },

    ylläpito hyväksyi pyyntösi: olet nyt yhdistyksen { $association } omistaja Talkoissa ja voit päivittää yhdistyskortin:

    { $link }

email-claim-rejected-subject = Pyyntösi yhdistyksestä { $association }
email-claim-rejected-body =
    Hei { $name },

    ylläpito ei voinut hyväksyä pyyntöäsi ryhtyä yhdistyksen { $association } omistajaksi. Jos edustat yhdistystä, ota yhteyttä ylläpitoon ja kerro, miten asemasi voidaan todentaa.

## Sign-ups, to the association. { $status } is pending (the association decides),
## accepted (accepted automatically) or waitlisted (the task is full).

email-signup-received-subject = { $status ->
        [accepted] Uusi vapaaehtoinen: { $task }
        [waitlisted] Uusi ilmoittautuminen varasijalle: { $task }
       *[pending] Uusi ilmoittautuminen: { $task }
    }
email-signup-received-body =
    Hei,

    { $status ->
        [accepted] { $volunteer } ilmoittautui yhdistyksen { $association } tehtävään ”{ $task }”. Tehtävässä on automaattinen hyväksyntä, joten ilmoittautuminen on jo hyväksytty. Olkaa tarvittaessa yhteydessä vapaaehtoiseen – ilmoittautumisen löydät täältä:
        [waitlisted] { $volunteer } ilmoittautui yhdistyksen { $association } tehtävään ”{ $task }”. Tehtävä on täynnä, joten hän pääsi varasijalle. Jos paikka vapautuu, varasijalla olevat nousevat automaattisesti ilmoittautumisjärjestyksessä. Teidän ei tarvitse tehdä mitään. Ilmoittautumiset näet täältä:
       *[pending] { $volunteer } ilmoittautui yhdistyksen { $association } tehtävään ”{ $task }”. Ilmoittautuminen odottaa päätöstänne: hyväksykää tai hylätkää se Talkoissa. { $volunteer } saa päätöksestä tiedon sähköpostitse.
    }

    { $link }

email-signup-withdrawn-subject = Ilmoittautuminen peruttu: { $task }
email-signup-withdrawn-body =
    Hei,

    { $volunteer } perui ilmoittautumisensa yhdistyksen { $association } tehtävään ”{ $task }”. Teidän ei tarvitse tehdä mitään: jos paikka vapautui ja varasijalla on ilmoittautuneita, ensimmäinen heistä nousee automaattisesti. Tehtävän ilmoittautumiset näet täältä:

    { $link }

## Sign-ups, to the volunteer

email-signup-pending-subject = Kiitos ilmoittautumisesta: { $task }
email-signup-pending-body =
    Hei { $name },

    kiitos, että ilmoittauduit yhdistyksen { $association } tehtävään ”{ $task }”! Yhdistys käy ilmoittautumiset läpi itse, ja saat sähköpostia, kun se on tehnyt päätöksen. Ilmoittautumisesi tilanteen näet täältä:

    { $link }

email-signup-waitlisted-subject = Olet varasijalla: { $task }
email-signup-waitlisted-body =
    Hei { $name },

    kiitos, että ilmoittauduit yhdistyksen { $association } tehtävään ”{ $task }”! Tehtävä on tällä hetkellä täynnä, joten pääsit varasijalle. Jos paikka vapautuu, nouset varasijalta automaattisesti ja saat siitä sähköpostia. Ilmoittautumisesi näet täältä, ja voit myös perua sen, jos suunnitelmasi muuttuvat:

    { $link }

# { $details } is empty, or a blank line followed by the lines
# email-signup-accepted-starts and email-signup-accepted-contact (each only when known).
email-signup-accepted-subject = Olet mukana: { $task }
email-signup-accepted-body =
    Hei { $name },

    hienoa – yhdistys { $association } hyväksyi ilmoittautumisesi tehtävään ”{ $task }”!{ $details }

    Tule paikalle ajoissa – yhdistys on sinuun yhteydessä, jos jotain pitää sopia etukäteen. Jos suunnitelmasi muuttuvat, peru ilmoittautumisesi hyvissä ajoin, niin paikka vapautuu jollekulle toiselle:

    { $link }
email-signup-accepted-starts = Alkaa: { $starts }
email-signup-accepted-contact = Yhteyshenkilö: { $contact }

email-signup-declined-subject = Tietoa ilmoittautumisestasi: { $task }
email-signup-declined-body =
    Hei { $name },

    kiitos kiinnostuksestasi yhdistyksen { $association } tehtävään ”{ $task }”. Yhdistys ei valitettavasti voinut ottaa sinua mukaan tällä kertaa – syynä voi olla vaikkapa se, että tekijöitä on jo tarpeeksi. Älä lannistu: Talkoissa on paljon muitakin tehtäviä, joissa apuasi tarvitaan:

    { $link }

# { $accepted }: yes when the sign-up is now accepted, no when it waits for the
# association's decision.
email-signup-moved-up-subject = { $accepted ->
        [yes] Pääsit mukaan: { $task }
       *[no] Nousit varasijalta: { $task }
    }
email-signup-moved-up-body =
    Hei { $name },

    { $accepted ->
        [yes] hyviä uutisia: yhdistyksen { $association } tehtävästä ”{ $task }” vapautui paikka, ja nousit varasijalta mukaan! Ilmoittautumisesi on nyt hyväksytty. Tule paikalle ajoissa – yhdistys on sinuun yhteydessä, jos jotain pitää sopia etukäteen. Jos et enää pääse mukaan, peru ilmoittautumisesi, niin paikka vapautuu seuraavalle:
       *[no] hyviä uutisia: yhdistyksen { $association } tehtävästä ”{ $task }” vapautui paikka, ja nousit varasijalta! Ilmoittautumisesi odottaa nyt yhdistyksen päätöstä, ja saat sähköpostia, kun päätös on tehty. Ilmoittautumisesi näet täältä:
    }

    { $link }

email-signup-task-cancelled-subject = Tehtävä peruttiin: { $task }
email-signup-task-cancelled-body =
    Hei { $name },

    yhdistys { $association } on valitettavasti perunut tehtävän ”{ $task }”, joten myös ilmoittautumisesi on peruttu. Sinun ei tarvitse tehdä mitään. Kiitos, että olit valmis auttamaan – muita tehtäviä löydät täältä:

    { $link }

# { $hours } is written already (e.g. 3.5); { $one-hour } is yes when it is exactly 1.
email-signup-completed-subject = Kiitos talkoista: { $task }
email-signup-completed-body =
    Hei { $name },

    yhdistys { $association } on merkinnyt tehtävän ”{ $task }” tehdyksi ja kirjannut sinulle { $hours } { $one-hour ->
        [yes] tunnin
       *[no] tuntia
    }. Suuri kiitos avustasi! Tunnit näkyvät nyt vapaaehtoistyöhistoriassasi, ja siellä voit myös antaa tehtävästä palautetta:

    { $link }

## Service counsellors and referrals. { $offer } is one of the email-offer-* texts.

email-offer-task = vapaaehtoistehtävä "{ $task }" ({ $association })
email-offer-service = palvelu "{ $service }" ({ $association })
email-offer-association = yhdistys { $association }

email-counsellor-approved-subject = Olet nyt palveluohjaaja Talkoissa
email-counsellor-approved-body =
    Hei { $name },

    ylläpito on hyväksynyt sinut palveluohjaajaksi ({ $organisation }). Voit nyt etsiä asiakkaillesi tehtäviä ja yhdistysten palveluita ja lähettää heille ohjauksia:

    { $link }

email-counsellor-rejected-subject = Palveluohjaajapyyntösi
email-counsellor-rejected-body =
    Hei { $name },

    ylläpito ei hyväksynyt pyyntöäsi palveluohjaajaksi. Perustelu:

    { $reason }

    Voit lähettää uuden pyynnön tarkemmin tiedoin.

email-counsellor-revoked-subject = Palveluohjaajan oikeutesi on poistettu
email-counsellor-revoked-body =
    Hei { $name },

    ylläpito on poistanut palveluohjaajan oikeutesi Talkoissa. Perustelu:

    { $reason }

    Et voi enää lähettää ohjauksia etkä nähdä niiden etenemistä.

email-referral-received-subject = { $counsellor } ehdottaa sinulle jotakin
email-referral-received-body =
    Hei { $name },

    { $counsellor } ({ $organisation }) ehdottaa sinulle: { $offer }. Katso ehdotus ja viesti ja vastaa, kiinnostaako se sinua:

    { $link }

    Voit myös kieltäytyä. Päätät itse, näkeekö ohjaaja, miten sinulla menee.

email-referral-invitation-subject = { $counsellor } ehdottaa sinulle vapaaehtoistoimintaa
email-referral-invitation-body =
    Hei,

    { $counsellor } ({ $organisation }) ehdottaa sinulle Talkoissa: { $offer }.

    Luo Talkoot-tili tällä sähköpostiosoitteella, niin näet ehdotuksen ja voit vastata siihen:

    { $register-link }

    Kun olet kirjautunut, ehdotus löytyy täältä:

    { $link }

    Ehdotus on voimassa { $days } päivää. Jos et tunne asiaa, voit jättää tämän viestin huomiotta.

# { $accepted }: yes when the client accepted, no when they declined.
email-referral-answered-subject = { $accepted ->
        [yes] Asiakkaasi hyväksyi ohjauksen
       *[no] Asiakkaasi ei ottanut ohjausta vastaan
    }
email-referral-answered-body =
    Hei { $name },

    { $accepted ->
        [yes] asiakkaasi hyväksyi ohjauksesi: { $offer }.
       *[no] asiakkaasi kieltäytyi ohjauksesta: { $offer }.
    }

    { $link }

email-referral-expired-subject = Ohjaukseesi ei vastattu
email-referral-expired-body =
    Hei { $name },

    ohjaukseesi ei vastattu ajoissa, joten se vanheni: { $offer }.

    { $link }

## Alerts and reminders. Times ({ $when }) arrive written in Finnish time.

email-alert-digest-subject = { $count ->
        [one] Uusi vapaaehtoistehtävä sinulle
       *[other] { $count } uutta vapaaehtoistehtävää sinulle
    }
# { $groups } brings its own blank lines: for each saved search or followed association,
# a blank line, its heading (email-alert-digest-search or -follow), a blank line, its
# tasks (each "- " email-alert-digest-task, then the place and time, then the link, one
# per line), a blank line, email-alert-digest-stop and a line break.
email-alert-digest-body =
    Hei { $name },

    Talkoisiin on tullut uusia tehtäviä, jotka sopivat hakuihisi.
    { $groups }
    Hakusi ja seurattavat yhdistykset voit muuttaa täällä:
    { $link }
email-alert-digest-search = Haku ”{ $search }”
email-alert-digest-follow = Seuraamasi yhdistys { $association }
email-alert-digest-task = { $title } ({ $association })
email-alert-digest-stop =
    Etkö halua näitä viestejä? Lopeta yhdellä napsautuksella:
    { $link }

# { $place } is the address and municipality, or empty; { $contact } is the task's
# contact person, or the association.
email-task-reminder-subject = Muistutus: { $task } huomenna
email-task-reminder-body =
    Hei { $name },

    muistathan: tehtävä ”{ $task }” ({ $association }) alkaa { $when }.
    { $place }

    Yhteyshenkilö: { $contact }. Jos et pääsekään, peru ilmoittautumisesi mahdollisimman pian, jotta paikka vapautuu toiselle:

    { $link }

# { $volunteers } is one line "- name" for each volunteer, each ending in a line break.
email-roster-summary-subject = Huomenna: { $task } ({ $count } vapaaehtoista)
email-roster-summary-body =
    Hei,

    tehtävä ”{ $task }” alkaa { $when }. Tulossa on { $count } vapaaehtoista:

    { $volunteers }
    Osallistujalistan voit tulostaa Talkoista:

    { $link }

## Reports. { $acted }: yes when the administrators acted on the report.

email-report-closed-subject = Ilmoituksesi on käsitelty
email-report-closed-body =
    Hei { $name },

    kiitos ilmoituksestasi kohteesta { $target }. { $acted ->
        [yes] Ylläpito on käsitellyt sen ja ryhtynyt toimiin.
       *[no] Ylläpito on käsitellyt sen eikä löytänyt syytä toimiin.
    }
