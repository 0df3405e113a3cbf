# Talkoot emails, English. Keys are the same in fi, sv and en (a unit test checks).
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
    Best regards
    Talkoot

## Accounts

email-verify-email-subject = Confirm your email address
email-verify-email-body =
    Hi { $name },

    thank you for joining Talkoot! Confirm your email address by opening this link:

    { $link }

    The link is valid for 48 hours. If you did not create an account, you can ignore this message.

email-account-exists-subject = You already have a Talkoot account
email-account-exists-body =
    Hi { $name },

    someone (hopefully you) tried to create a new account with this email address, but you already have one. You can log in as usual. If you have forgotten your password, you can reset it here:

    { $reset-link }

    If this was not you, there is nothing you need to do.

email-password-reset-subject = Reset your password
email-password-reset-body =
    Hi { $name },

    you can set a new Talkoot password by opening this link:

    { $link }

    The link is valid for one hour and works once. If you did not ask for this, you can ignore this message.

email-password-changed-subject = Your password was changed
email-password-changed-body =
    Hi { $name },

    the password of your Talkoot account was just changed and all earlier sessions were ended. If this was not you, reset your password at once and contact the administrators.

## Associations. { $role } is "owner" or another role (an editor).

email-association-verified-subject = { $association } is now on Talkoot
email-association-verified-body =
    Hi { $name },

    the administrators have verified { $association }. Its card is now public and you can publish volunteer tasks:

    { $link }

email-association-suspended-subject = { $association } has been suspended
email-association-suspended-body =
    Hi { $name },

    the administrators have suspended { $association } on Talkoot. Its card and tasks are hidden from others. Contact the administrators to learn why.

email-member-invited-subject = Invitation to { $association }
email-member-invited-body =
    Hi,

    { $inviter } has invited you to help manage { $association } on Talkoot, the region's volunteering service, as { $role ->
        [owner] an owner
       *[other] an editor
    }. You can accept or decline the invitation here:

    { $link }

    To accept, you need a Talkoot account with this email address. If you do not have one yet, create it here and then come back to the invitation:

    { $register-link }

    The invitation is valid for 14 days. If you do not know the sender or do not want to join, decline it or ignore this message: you will not become a member unless you accept.

email-invitation-accepted-subject = { $member } joined { $association }
email-invitation-accepted-body =
    Hi { $name },

    { $member } accepted your invitation and is now { $role ->
        [owner] an owner
       *[other] an editor
    } of { $association } on Talkoot.

    { $link }

email-claim-approved-subject = You now own { $association } on Talkoot
email-claim-approved-body =
    Hi { $name },

    the administrators approved your request: you are now an owner of { $association } on Talkoot and can update its card:

    { $link }

email-claim-rejected-subject = Your request about { $association }
email-claim-rejected-body =
    Hi { $name },

    the administrators could not approve your request to become an owner of { $association }. If you represent the association, contact the administrators and tell them how your role can be confirmed.

## Sign-ups, to the association. { $status } is pending (the association decides),
## accepted (accepted automatically) or waitlisted (the task is full).

email-signup-received-subject = { $status ->
        [accepted] New volunteer: { $task }
        [waitlisted] New sign-up on the waitlist: { $task }
       *[pending] New sign-up: { $task }
    }
email-signup-received-body =
    Hi,

    { $status ->
        [accepted] { $volunteer } has signed up for “{ $task }” at { $association }. The task accepts sign-ups automatically, so this one is already accepted. Contact the volunteer if needed – you can find the sign-up here:
        [waitlisted] { $volunteer } has signed up for “{ $task }” at { $association }. The task is full, so { $volunteer } is on the waitlist. If a spot frees up, people on the waitlist move up automatically in the order they signed up. You don't need to do anything. You can see the sign-ups here:
       *[pending] { $volunteer } has signed up for “{ $task }” at { $association }. The sign-up is waiting for your decision: please accept or decline it on Talkoot. { $volunteer } will be told by email.
    }

    { $link }

email-signup-withdrawn-subject = Sign-up withdrawn: { $task }
email-signup-withdrawn-body =
    Hi,

    { $volunteer } has withdrawn from “{ $task }” at { $association }. You don't need to do anything: if a spot opened up and someone is on the waitlist, the first in line moves up automatically. You can see the task's sign-ups here:

    { $link }

## Sign-ups, to the volunteer

email-signup-pending-subject = Thanks for signing up: { $task }
email-signup-pending-body =
    Hi { $name },

    thanks for signing up for “{ $task }” at { $association }! The association reviews sign-ups itself, and you will get an email once it has decided. You can follow your sign-up here:

    { $link }

email-signup-waitlisted-subject = You're on the waitlist: { $task }
email-signup-waitlisted-body =
    Hi { $name },

    thanks for signing up for “{ $task }” at { $association }! The task is full right now, so you are on the waitlist. If a spot frees up, you will move up automatically and get an email about it. You can see your sign-up here, and withdraw it if your plans change:

    { $link }

# { $details } is empty, or a blank line followed by the lines
# email-signup-accepted-starts and email-signup-accepted-contact (each only when known).
email-signup-accepted-subject = You're in: { $task }
email-signup-accepted-body =
    Hi { $name },

    great news – { $association } has accepted your sign-up for “{ $task }”!{ $details }

    Please be there on time – the association will get in touch if anything needs to be agreed beforehand. If your plans change, please withdraw in good time so that someone else can take your place:

    { $link }
email-signup-accepted-starts = Starts: { $starts }
email-signup-accepted-contact = Contact person: { $contact }

email-signup-declined-subject = About your sign-up: { $task }
email-signup-declined-body =
    Hi { $name },

    thank you for your interest in “{ $task }” at { $association }. Unfortunately the association could not take you on this time – it may simply already have enough helpers. Don't let it put you off: there are plenty of other tasks on Talkoot where your help is needed:

    { $link }

# { $accepted }: yes when the sign-up is now accepted, no when it waits for the
# association's decision.
email-signup-moved-up-subject = { $accepted ->
        [yes] You got a spot: { $task }
       *[no] You moved up from the waitlist: { $task }
    }
email-signup-moved-up-body =
    Hi { $name },

    { $accepted ->
        [yes] good news: a spot opened up in “{ $task }” at { $association }, and you have moved up from the waitlist! Your sign-up is now accepted. Please be there on time – the association will get in touch if anything needs to be agreed beforehand. If you can no longer make it, please withdraw so that the spot goes to the next person:
       *[no] good news: a spot opened up in “{ $task }” at { $association }, and you have moved up from the waitlist! Your sign-up is now waiting for the association's decision, and you will get an email once it has decided. You can see your sign-up here:
    }

    { $link }

email-signup-task-cancelled-subject = Task cancelled: { $task }
email-signup-task-cancelled-body =
    Hi { $name },

    unfortunately { $association } has cancelled “{ $task }”, so your sign-up has been cancelled too. You don't need to do anything. Thank you for being ready to help – you can find other tasks here:

    { $link }

# { $hours } is written already (e.g. 3.5); { $one-hour } is yes when it is exactly 1.
email-signup-completed-subject = Thank you for volunteering: { $task }
email-signup-completed-body =
    Hi { $name },

    { $association } has marked “{ $task }” as completed and recorded { $hours } { $one-hour ->
        [yes] hour
       *[no] hours
    } for you. Thank you so much for your help! The hours now show on your volunteering record, where you can also leave feedback about the task:

    { $link }

## Service counsellors and referrals. { $offer } is one of the email-offer-* texts.

email-offer-task = the volunteer task "{ $task }" ({ $association })
email-offer-service = the service "{ $service }" ({ $association })
email-offer-association = the association { $association }

email-counsellor-approved-subject = You are now a service counsellor on Talkoot
email-counsellor-approved-body =
    Hi { $name },

    the administrators have approved you as a service counsellor ({ $organisation }). You can now find tasks and associations' services for your clients and refer them:

    { $link }

email-counsellor-rejected-subject = Your service counsellor request
email-counsellor-rejected-body =
    Hi { $name },

    the administrators did not approve your request to become a service counsellor. Their reason:

    { $reason }

    You can send a new request with more details.

email-counsellor-revoked-subject = Your service counsellor role was removed
email-counsellor-revoked-body =
    Hi { $name },

    the administrators have removed your service counsellor role on Talkoot. Their reason:

    { $reason }

    You can no longer refer clients or follow your referrals.

email-referral-received-subject = { $counsellor } suggests something for you
email-referral-received-body =
    Hi { $name },

    { $counsellor } ({ $organisation }) suggests for you: { $offer }. See the suggestion and the message, and answer whether it interests you:

    { $link }

    You can also say no. You decide whether your counsellor sees how it goes.

email-referral-invitation-subject = { $counsellor } suggests volunteering for you
email-referral-invitation-body =
    Hi,

    { $counsellor } ({ $organisation }) suggests for you on Talkoot: { $offer }.

    Create a Talkoot account with this email address to see the suggestion and answer it:

    { $register-link }

    Once you are signed in, the suggestion is here:

    { $link }

    The suggestion is valid for { $days } days. If you know nothing about this, you can ignore this message.

# { $accepted }: yes when the client accepted, no when they declined.
email-referral-answered-subject = { $accepted ->
        [yes] Your client accepted the referral
       *[no] Your client declined the referral
    }
email-referral-answered-body =
    Hi { $name },

    { $accepted ->
        [yes] your client accepted your referral: { $offer }.
       *[no] your client declined your referral: { $offer }.
    }

    { $link }

email-referral-expired-subject = Your referral was not answered
email-referral-expired-body =
    Hi { $name },

    your referral was not answered in time and has expired: { $offer }.

    { $link }

## Alerts and reminders. Times ({ $when }) arrive written in Finnish time.

email-alert-digest-subject = { $count ->
        [one] A new volunteer task for you
       *[other] { $count } new volunteer tasks for you
    }
# { $groups } brings its own blank lines: for each saved search or followed association,
# a blank line, its heading (email-alert-digest-search or -follow), a blank line, its
# tasks (each "- " email-alert-digest-task, then the place and time, then the link, one
# per line), a blank line, email-alert-digest-stop and a line break.
email-alert-digest-body =
    Hi { $name },

    new tasks that fit your searches have been posted on Talkoot.
    { $groups }
    Change your searches and the associations you follow here:
    { $link }
email-alert-digest-search = Your search "{ $search }"
email-alert-digest-follow = { $association }, which you follow
email-alert-digest-task = { $title } ({ $association })
email-alert-digest-stop =
    Don't want these emails? Stop them with one click:
    { $link }

# { $place } is the address and municipality, or empty; { $contact } is the task's
# contact person, or the association.
email-task-reminder-subject = Reminder: { $task } tomorrow
email-task-reminder-body =
    Hi { $name },

    a reminder: the task "{ $task }" ({ $association }) starts { $when }.
    { $place }

    Contact: { $contact }. If you cannot come after all, please withdraw as soon as you can, so that someone else can take the place:

    { $link }

# { $volunteers } is one line "- name" for each volunteer, each ending in a line break.
email-roster-summary-subject = Tomorrow: { $task } ({ $count } volunteers)
email-roster-summary-body =
    Hello,

    the task "{ $task }" starts { $when }. { $count } volunteers are coming:

    { $volunteers }
    You can print the list of participants on Talkoot:

    { $link }

## Reports. { $acted }: yes when the administrators acted on the report.

email-report-closed-subject = Your report has been handled
email-report-closed-body =
    Hi { $name },

    thank you for reporting { $target }. { $acted ->
        [yes] The administrators have looked into it and taken action.
       *[no] The administrators have looked into it and found no reason to act.
    }
