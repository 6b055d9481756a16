# Bad replacement templates raise re.error (or IndexError for an unknown group name).
import re
for tpl in (r"\q", r"\2", r"\g<x>"):
    try:
        re.sub(r"(a)", tpl, "a")
    except re.error as e:
        print("re.error:", e)
    except IndexError as e:
        print("IndexError:", e)
