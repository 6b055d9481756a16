# string.Template errors: missing keys (KeyError) and invalid placeholders with line and column
from string import Template
try:
    Template("$who and $what").substitute(who="me")
except KeyError as e:
    print("KeyError", e)
for text in ("cost: $5", "line1\nline two $", "${bad name}", "ok $ok\n  $!"):
    try:
        Template(text).substitute(ok=1)
    except ValueError as e:
        print("ValueError", e)
