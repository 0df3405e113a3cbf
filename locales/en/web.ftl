# Talkoot web pages, English. Keys are the same in fi, sv and en (a unit test checks).

skip-to-content = Skip to content
nav-main = Main menu
nav-tasks = Find tasks
nav-my-signups = My sign-ups
nav-logout = Log out ({ $name })
nav-login = Log in
nav-register = Create account
nav-language = Language
footer-text = Talkoot – volunteer tasks for young people with the region's associations.

home-title = Find a volunteer task
home-lead = The region's associations are looking for you: events, clubs, community work and much more. Find a task that suits your age, your town and your interests.
home-demo-title = The database is empty
home-demo-text = Load the demo data (associations, tasks and demo accounts) to see the service at work:
home-newest = Newest tasks
home-all-tasks = All tasks

error-title = Something went wrong
error-not-found-title = Page not found
error-forbidden-title = Not allowed
error-rate-limited-title = Too many attempts
error-server-title = The service has a problem
error-bad-request = The request could not be handled. Check the details and try again.
error-forbidden = You are not allowed to do this. Send the form again from this service's own page.
error-not-found = The page you are looking for does not exist or is not public.
error-conflict = The information changed in the meantime. Reload the page and try again.
error-too-large = What was sent is too large.
error-rate-limited = There have been too many attempts. Wait a moment and try again.
error-server = The service has a temporary problem. Try again in a moment.
error-home-link = To the front page

problem-too-young = You are too young for this task.
problem-too-old = This task is for younger volunteers.
problem-task-full = All spots are taken.
problem-deadline-passed = The sign-up deadline has passed.
problem-task-ended = The task is already over.
problem-task-not-open = The task is not open for sign-ups.
problem-already-signed-up = You have already signed up to this task.
problem-birth-date-missing = Add your birth date to your profile: tasks have age limits.
problem-email-not-verified = First confirm your email address with the link we sent you.
problem-invalid-token = The link has expired or was already used. Ask for a new one.
problem-account-suspended = The administrators have suspended this account. Contact them.

form-errors-title = Please fix these
field-required = This is needed.
field-invalid = Check this.
field-too_long = The text is too long.
field-invalid_email = This is not an email address.
field-too_weak = The password is too easy to guess. Use a longer or less common one.
field-too_short = The password is too short.
field-in_future = The birth date is in the future.
field-too_young = You must be at least 13 years old to register.
field-implausible = Check the birth date.
field-unknown_municipality = Choose a municipality from the list.
field-birth_date-invalid = Give your date of birth.

search-title = Volunteer tasks
search-q-label = Search words
search-filters = Narrow the search
search-municipality-label = Municipality
search-any-municipality = All municipalities
search-region-label = Region
search-any-region = All regions
search-categories-legend = Themes
search-schedule-label = Schedule
search-any-schedule = Any
search-age-label = Your age
search-age-hint = We only show tasks that suit your age.
search-options-legend = Other wishes
search-has-spots = Only tasks with free spots
search-beginner-friendly = Good for beginners
search-remote = Remote tasks
search-supported = Supported task (with a supervisor)
search-sort-label = Order
search-submit = Search
search-results-count = { $count ->
    [one] 1 task
   *[other] { $count } tasks
}
search-corrected = Also searched for
search-by-municipality = Narrow by municipality
search-nothing = No tasks match. Try a broader search.
search-pages = Pages
search-previous = Previous page
search-page = Page
search-next = Next page
sort-relevance = Best match first
sort-newest = Newest first
sort-starts_at = Start time
sort-deadline = Sign-up deadline
schedule-fixed = At a set time
schedule-flexible = Flexible time
schedule-ongoing = Ongoing

task-remote = remote
task-waitlist-only = Full, waitlist open
task-full = Full
task-spots-left = { $count ->
    [one] 1 spot left
   *[other] { $count } spots left
}
task-spots-unlimited = No limit
task-beginner-friendly = Good for beginners
task-supported = Supported
task-where = Where
task-when = When
task-spots = Spots
task-hours = Estimated hours
task-ages = Age
task-deadline = Sign up by
task-contact = Contact person
task-record-check = The person chosen must show a criminal record extract (act 148/2014).
task-all-ages = All ages
task-share = Share and save
task-add-to-calendar = Add to calendar (.ics)
task-share-link = Link to the task

signup-title = Sign up
signup-you-are = You have signed up: { $status }.
signup-log-in = Log in to sign up
signup-message = Message to the association (optional)
signup-button = Sign me up
signup-reason-not_published = The task is not open for sign-ups.
signup-reason-deadline_passed = The sign-up deadline has passed.
signup-reason-ended = The task is already over.
signup-reason-sign_in_required = Log in to sign up.
signup-reason-birth_date_missing = Add your birth date to your profile: tasks have age limits.
signup-reason-too_young = You are too young for this task.
signup-reason-too_old = This task is for younger volunteers.
signup-reason-already_signed_up = You have already signed up.
signup-reason-full = All spots are taken.
signup-status-pending = waiting for the association to confirm
signup-status-accepted = accepted
signup-status-waitlisted = on the waitlist
signup-status-declined = not chosen
signup-status-withdrawn = withdrawn
signup-status-completed = done
signup-status-no_show = did not come
signup-status-cancelled = the task was cancelled

register-title = Create an account
register-sent-title = Check your email
register-sent = If the address can be used, a message is on its way to it. Confirm the address with the link in it.
register-name = Name the associations see
register-email = Email
register-password = Password
register-password-hint = At least 10 characters. A long sentence makes a good password.
register-birth-date = Date of birth
register-birth-date-hint = Tasks have age limits. Associations see only your age, never your birth date.
register-municipality = Home municipality (optional)
register-municipality-none = Rather not say
register-privacy = Your details are used only to match you with tasks. You can download or delete them at any time.
register-submit = Create account
register-have-account = Already have an account? Log in

verify-title = Confirm your email address
verify-intro = Confirm your address with the button below.
verify-button = Confirm my address
verify-done-title = Address confirmed
verify-done = Thank you! Your address is confirmed and you can now sign up to tasks.

login-title = Log in
login-email = Email
login-password = Password
login-submit = Log in
login-wrong = The email or the password is wrong.
login-unverified = First confirm your email address with the link we sent you.
login-resend = Send the confirmation link again
login-forgot = Forgot your password?
login-no-account = No account yet? Create one

reset-title = New password
reset-intro = We will email you a link for choosing a new password.
reset-send = Send the link
reset-sent = If the address has an account, a link for choosing a new password is on its way to it.
reset-new-password = New password
reset-save = Save the password
reset-done = The password is changed and every earlier login has ended. Log in with the new password.

my-signups-title = My sign-ups
my-signups-none = You have not signed up to any tasks yet.
my-signups-status = Status
my-signups-history = Steps
my-signups-withdraw = Withdraw
