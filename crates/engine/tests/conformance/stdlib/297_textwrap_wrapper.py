# textwrap.TextWrapper objects: reusable settings, attributes changed between calls
import textwrap
w = textwrap.TextWrapper(width=16, initial_indent="- ", subsequent_indent="  ")
for item in ["buy milk and eggs and bread", "call the plumber about the sink", "ok"]:
    print(w.fill(item))
w.width = 30
print(w.wrap("buy milk and eggs and bread and more"), w.width, w.break_long_words)
