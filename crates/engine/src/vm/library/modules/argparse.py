# argparse, written from the documented behaviour: positional and optional
# arguments, type, default, choices, nargs, actions (store, store_true,
# store_false, store_const, append, append_const, count, help, version),
# required options, argument groups, and CPython's usage/help layout and
# error messages (usage + "prog: error: ..." on stderr, exit status 2).
# Sub-commands and mutually exclusive groups are not available yet.
import sys

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
REMAINDER = "..."

class ArgumentError(Exception):
    def __init__(self, argument, message):
        self.argument_name = None if argument is None else _action_name(argument)
        self.message = message
        super().__init__(message)
    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)

class ArgumentTypeError(Exception):
    pass

def _action_name(a):
    if a.option_strings:
        return "/".join(a.option_strings)
    if a.metavar not in (None, SUPPRESS):
        return a.metavar
    return a.dest

class Namespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)
    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars(self) == vars(other)
    def __contains__(self, key):
        return key in self.__dict__
    def __repr__(self):
        args = []
        star = {}
        for k, v in self.__dict__.items():
            if k.isidentifier():
                args.append("%s=%r" % (k, v))
            else:
                star[k] = v
        if star:
            args.append("**%r" % (star,))
        return "Namespace(%s)" % ", ".join(args)

class Action:
    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None, kind="store", version=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar
        self.kind = kind
        self.version = version
    def __repr__(self):
        return ("%s(option_strings=%r, dest=%r, nargs=%r, const=%r, default=%r, type=%r, choices=%r, "
                "required=%r, help=%r, metavar=%r)" % (_ACTION_NAMES.get(self.kind, "Action"),
                self.option_strings, self.dest, self.nargs, self.const, self.default, self.type,
                self.choices, self.required, self.help, self.metavar))

_ACTION_NAMES = {"store": "_StoreAction", "store_true": "_StoreTrueAction", "store_false": "_StoreFalseAction",
                 "store_const": "_StoreConstAction", "append": "_AppendAction", "append_const": "_AppendConstAction",
                 "count": "_CountAction", "help": "_HelpAction", "version": "_VersionAction", "extend": "_ExtendAction"}

class _Group:
    def __init__(self, parser, title, description):
        self._parser = parser
        self.title = title
        self.description = description
        self._actions = []
    def add_argument(self, *args, **kwargs):
        a = self._parser.add_argument(*args, **kwargs)
        for g in self._parser._groups:
            if a in g._actions:
                g._actions.remove(a)
        self._actions.append(a)
        return a
    def add_mutually_exclusive_group(self, **kw):
        raise NotImplementedError("argparse mutually exclusive groups are not available in Looplab yet")

class HelpFormatter:
    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        self.prog = prog

class RawDescriptionHelpFormatter(HelpFormatter):
    pass

class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    pass

class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass

def _wrap(text, width):
    words = text.split()
    lines = []
    line = ""
    for w in words:
        if not line:
            line = w
        elif len(line) + 1 + len(w) <= width:
            line += " " + w
        else:
            lines.append(line)
            line = w
    if line:
        lines.append(line)
    return lines

class ArgumentParser:
    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True, allow_abbrev=True,
                 exit_on_error=True):
        if prog is None:
            argv = getattr(sys, "argv", None) or ["<lesson>"]
            prog = argv[0].replace("\\", "/").rsplit("/", 1)[-1]
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.add_help = add_help
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._defaults = {}
        self._positionals = _Group(self, "positional arguments", None)
        self._optionals = _Group(self, "options", None)
        self._groups = [self._positionals, self._optionals]
        if add_help:
            self.add_argument("-h", "--help", action="help", default=SUPPRESS,
                              help="show this help message and exit")
        for p in parents:
            for a in p._actions:
                if a.kind != "help":
                    self._add_action(a)
            self._defaults.update(p._defaults)

    # -- building ----------------------------------------------------
    def add_argument_group(self, title=None, description=None, **kw):
        g = _Group(self, title, description)
        self._groups.append(g)
        return g

    def add_mutually_exclusive_group(self, **kw):
        raise NotImplementedError("argparse mutually exclusive groups are not available in Looplab yet")

    def add_subparsers(self, **kw):
        raise NotImplementedError("argparse sub-commands (add_subparsers) are not available in Looplab yet")

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]

    def get_default(self, dest):
        for a in self._actions:
            if a.dest == dest and a.default is not None:
                return a.default
        return self._defaults.get(dest)

    def add_argument(self, *args, **kwargs):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0] and args[0][0] not in chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            dest = args[0] if args else kwargs.get("dest")
            option_strings = []
            if kwargs.get("required") is not None and "required" in kwargs:
                raise TypeError("'required' is an invalid argument for positionals")
            nargs = kwargs.get("nargs")
            required = nargs not in (OPTIONAL, ZERO_OR_MORE, REMAINDER)
        else:
            option_strings = []
            long_dest = None
            for s in args:
                if not s or s[0] not in chars:
                    raise ValueError("invalid option string %r: must start with a character %r" % (s, chars))
                option_strings.append(s)
                if len(s) > 1 and s[1] in chars and long_dest is None:
                    long_dest = s.lstrip(chars)
            dest = kwargs.get("dest")
            if dest is None:
                dest = (long_dest or option_strings[0].lstrip(chars)).replace("-", "_")
            required = kwargs.get("required", False)
        action = kwargs.get("action", "store")
        if callable(action) and not isinstance(action, str):
            raise NotImplementedError("custom argparse Action classes are not available in Looplab yet")
        if action not in _ACTION_NAMES:
            raise ValueError("unknown action \"%s\"" % (action,))
        nargs = kwargs.get("nargs")
        const = kwargs.get("const")
        default = kwargs.get("default", self.argument_default)
        if action == "store_true":
            nargs, const = 0, True
            if "default" not in kwargs:
                default = False
        elif action == "store_false":
            nargs, const = 0, False
            if "default" not in kwargs:
                default = True
        elif action in ("store_const", "append_const", "count", "help", "version"):
            nargs = 0
        if action == "help" and "default" not in kwargs:
            default = SUPPRESS
        if action == "version" and "default" not in kwargs:
            default = SUPPRESS
        if action == "version" and "help" not in kwargs:
            kwargs["help"] = "show program's version number and exit"
        if nargs == 0 and action in ("store", "append", "extend"):
            raise ValueError("nargs for store actions must be != 0; if you have nothing to store, "
                             "actions such as store true or store const may be more appropriate")
        typ = kwargs.get("type")
        if typ is not None and not callable(typ):
            raise ValueError("%r is not callable" % (typ,))
        a = Action(option_strings, dest, nargs, const, default, typ, kwargs.get("choices"),
                   required, kwargs.get("help"), kwargs.get("metavar"), action, kwargs.get("version"))
        for existing in self._actions:
            for s in option_strings:
                if s in existing.option_strings:
                    raise ArgumentError(a, "conflicting option string: %s" % s)
        self._add_action(a)
        return a

    def _add_action(self, a):
        self._actions.append(a)
        (self._optionals if a.option_strings else self._positionals)._actions.append(a)

    # -- formatting ----------------------------------------------------
    def _metavar(self, a, default):
        if a.metavar is not None:
            return a.metavar
        if a.choices is not None:
            return "{" + ",".join(str(c) for c in a.choices) + "}"
        return default

    def _format_args(self, a, default):
        m = self._metavar(a, default)
        parts = m if isinstance(m, tuple) else None
        def mv(i=0):
            return parts[i] if parts else m
        n = a.nargs
        if n is None:
            return mv()
        if n == OPTIONAL:
            return "[%s]" % mv()
        if n == ZERO_OR_MORE:
            return "[%s ...]" % mv()
        if n == ONE_OR_MORE:
            return "%s [%s ...]" % (mv(0), mv(1 if parts and len(parts) > 1 else 0))
        if n == REMAINDER:
            return "..."
        if n == 0:
            return ""
        return " ".join(mv(i) for i in range(n))

    def _usage_part(self, a):
        if a.option_strings:
            s = a.option_strings[0]
            if a.nargs != 0:
                s += " " + self._format_args(a, a.dest.upper())
            return s if a.required else "[%s]" % s
        return self._format_args(a, a.dest)

    def format_usage(self):
        return self._usage_text() + "\n"

    def _usage_text(self):
        prefix = "usage: "
        if self.usage is not None:
            return prefix + self.usage.replace("%(prog)s", self.prog)
        opts = [self._usage_part(a) for a in self._actions if a.option_strings and a.help != SUPPRESS]
        poss = [self._usage_part(a) for a in self._actions if not a.option_strings and a.help != SUPPRESS]
        text = " ".join([self.prog] + opts + poss)
        width = 78
        if len(prefix) + len(text) <= width:
            return prefix + text
        indent = " " * (len(prefix) + len(self.prog) + 1)
        def get_lines(parts, indent, pre=None):
            lines = []
            line = []
            line_len = len(pre) - 1 if pre is not None else len(indent) - 1
            for part in parts:
                if line_len + 1 + len(part) > width and line:
                    lines.append(indent + " ".join(line))
                    line = []
                    line_len = len(indent) - 1
                line.append(part)
                line_len += len(part) + 1
            if line:
                lines.append(indent + " ".join(line))
            if pre is not None:
                lines[0] = lines[0][len(indent):]
            return lines
        if len(prefix) + len(self.prog) <= 0.75 * width:
            if opts:
                lines = get_lines([self.prog] + opts, indent, prefix)
                lines.extend(get_lines(poss, indent))
            else:
                lines = get_lines([self.prog] + poss, indent, prefix)
        else:
            indent = " " * len(prefix)
            lines = get_lines(opts + poss, indent)
            lines = [self.prog] + lines
        return prefix + "\n".join(lines)

    def _invocation(self, a):
        if not a.option_strings:
            m = self._metavar(a, a.dest)
            return m[0] if isinstance(m, tuple) else m
        if a.nargs == 0:
            return ", ".join(a.option_strings)
        args = self._format_args(a, a.dest.upper())
        return ", ".join("%s %s" % (s, args) for s in a.option_strings)

    def _expand_help(self, a):
        h = a.help
        if "%" not in h:
            return h
        params = dict(vars(a))
        params["prog"] = self.prog
        for k in list(params):
            if params[k] is SUPPRESS:
                del params[k]
        if params.get("choices") is not None:
            params["choices"] = ", ".join(str(c) for c in params["choices"])
        return h % params

    def format_help(self):
        width = 78
        out = [self._usage_text(), ""]
        if self.description:
            out.extend(_wrap(self.description, width))
            out.append("")
        shown = [a for a in self._actions if a.help != SUPPRESS]
        invs = [self._invocation(a) for a in shown]
        max_len = max([len(i) + 2 for i in invs] or [0])
        help_pos = min(max_len + 2, 24)
        help_width = max(width - help_pos, 11)
        for g in self._groups:
            acts = [a for a in g._actions if a.help != SUPPRESS]
            if not acts and g in (self._positionals, self._optionals):
                continue
            out.append("%s:" % g.title if g.title else "")
            if g.description:
                out.extend("  " + l for l in _wrap(g.description, width - 2))
                out.append("")
            for a in acts:
                inv = self._invocation(a)
                lead = "  " + inv
                if a.help:
                    lines = _wrap(self._expand_help(a), help_width)
                    if len(lead) <= help_pos - 2:
                        out.append(lead.ljust(help_pos) + lines[0])
                        rest = lines[1:]
                    else:
                        out.append(lead)
                        rest = lines
                    out.extend(" " * help_pos + l for l in rest)
                else:
                    out.append(lead)
            out.append("")
        if self.epilog:
            out.extend(_wrap(self.epilog, width))
            out.append("")
        while out and out[-1] == "":
            out.pop()
        return "\n".join(out) + "\n"

    def print_usage(self, file=None):
        (file or sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            sys.stderr.write(message)
        e = SystemExit(status)
        if not hasattr(e, "code"):
            e.code = status
        raise e

    def error(self, message):
        sys.stderr.write(self.format_usage())
        self.exit(2, "%s: error: %s\n" % (self.prog, message))

    # -- parsing ---------------------------------------------------------
    def parse_args(self, args=None, namespace=None):
        args, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: %s" % " ".join(extras))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = list((getattr(sys, "argv", None) or ["<lesson>"])[1:])
        else:
            args = list(args)
        ns = Namespace() if namespace is None else namespace
        for a in self._actions:
            if a.dest != SUPPRESS and not hasattr(ns, a.dest) and a.default != SUPPRESS:
                setattr(ns, a.dest, a.default)
        for k, v in self._defaults.items():
            if not hasattr(ns, k):
                setattr(ns, k, v)
        try:
            extras = self._parse(args, ns)
        except ArgumentError as e:
            if not self.exit_on_error:
                raise
            self.error(str(e))
        return ns, extras

    def _find_option(self, arg):
        for a in self._actions:
            if arg in a.option_strings:
                return a, None
        if "=" in arg:
            name, _, val = arg.partition("=")
            for a in self._actions:
                if name in a.option_strings:
                    return a, val
        if len(arg) > 2 and arg[1] not in self.prefix_chars:
            for a in self._actions:
                if arg[:2] in a.option_strings:
                    return a, arg[2:]
        if self.allow_abbrev and arg.startswith("--"):
            name, eq, val = arg.partition("=")
            hits = [a for a in self._actions for s in a.option_strings if s.startswith(name) and s.startswith("--")]
            if len(hits) == 1:
                return hits[0], (val if eq else None)
            if len(hits) > 1:
                opts = ", ".join(s for a in hits for s in a.option_strings if s.startswith(name))
                raise ArgumentError(None, "ambiguous option: %s could match %s" % (name, opts))
        return None, None

    def _is_option(self, arg):
        if not arg or arg[0] not in self.prefix_chars or arg == "-" or arg == "--":
            return False
        if arg[1:].replace(".", "", 1).isdigit():
            return False
        return True

    def _convert(self, a, s):
        if a.type is None:
            v = s
        else:
            try:
                v = a.type(s)
            except ArgumentTypeError as e:
                raise ArgumentError(a, str(e))
            except (TypeError, ValueError):
                name = getattr(a.type, "__name__", repr(a.type))
                raise ArgumentError(a, "invalid %s value: %r" % (name, s))
        if a.choices is not None and v not in a.choices:
            raise ArgumentError(a, "invalid choice: %r (choose from %s)"
                                % (v, ", ".join(repr(c) for c in a.choices)))
        return v

    def _take(self, a, values, ns):
        k = a.kind
        if k == "help":
            self.print_help()
            self.exit()
        if k == "version":
            sys.stdout.write(a.version.replace("%(prog)s", self.prog) + "\n")
            self.exit()
        if k in ("store_true", "store_false", "store_const"):
            setattr(ns, a.dest, a.const)
        elif k == "count":
            setattr(ns, a.dest, (getattr(ns, a.dest, None) or 0) + 1)
        elif k == "append_const":
            cur = getattr(ns, a.dest, None)
            setattr(ns, a.dest, (list(cur) if cur else []) + [a.const])
        else:
            if a.nargs is None or a.nargs == OPTIONAL:
                conv = [self._convert(a, v) for v in values]
                val = conv[0] if conv else (a.const if a.option_strings else a.default)
                if not conv and not a.option_strings and isinstance(a.default, str) and a.type is not None:
                    val = self._convert(a, a.default)
            else:
                val = [self._convert(a, v) for v in values]
                if not values and a.nargs == ZERO_OR_MORE and not a.option_strings:
                    val = a.default if a.default is not None else []
            if k == "append":
                cur = getattr(ns, a.dest, None)
                setattr(ns, a.dest, (list(cur) if cur else []) + [val])
            elif k == "extend":
                cur = getattr(ns, a.dest, None)
                setattr(ns, a.dest, (list(cur) if cur else []) + list(val))
            else:
                setattr(ns, a.dest, val)

    def _parse(self, args, ns):
        extras = []
        positionals = []
        seen = set()
        i = 0
        only_pos = False
        while i < len(args):
            arg = args[i]
            if only_pos or not self._is_option(arg):
                if arg == "--" and not only_pos:
                    only_pos = True
                else:
                    positionals.append(arg)
                i += 1
                continue
            a, attached = self._find_option(arg)
            if a is None:
                extras.append(arg)
                i += 1
                continue
            seen.add(a)
            i += 1
            n = a.nargs
            if n == 0:
                if attached is not None:
                    if arg[1] not in self.prefix_chars and "=" not in arg:
                        # Combined short flags: -vx
                        self._take(a, [], ns)
                        args.insert(i, self.prefix_chars[0] + attached)
                        continue
                    raise ArgumentError(a, "ignored explicit argument %r" % attached)
                self._take(a, [], ns)
                continue
            vals = []
            if attached is not None:
                vals = [attached]
            else:
                while i < len(args) and not self._is_option(args[i]) and args[i] != "--":
                    vals.append(args[i])
                    i += 1
                    if n is None or n == OPTIONAL or (isinstance(n, int) and len(vals) == n):
                        break
            if n is None and len(vals) != 1:
                raise ArgumentError(a, "expected one argument")
            if n == ONE_OR_MORE and not vals:
                raise ArgumentError(a, "expected at least one argument")
            if isinstance(n, int) and len(vals) != n:
                raise ArgumentError(a, "expected %d argument%s" % (n, "s" if n != 1 else ""))
            self._take(a, vals, ns)
        # Positionals, in order, greedy as CPython's nargs allow.
        pos_actions = [a for a in self._actions if not a.option_strings]
        rest = positionals
        for idx, a in enumerate(pos_actions):
            later_min = 0
            for b in pos_actions[idx + 1:]:
                later_min += 1 if b.nargs is None else (b.nargs if isinstance(b.nargs, int) else (1 if b.nargs == ONE_OR_MORE else 0))
            n = a.nargs
            if n is None:
                if not rest:
                    continue
                take = rest[:1]
            elif n == OPTIONAL:
                take = rest[:1] if len(rest) > later_min else []
            elif n in (ZERO_OR_MORE, ONE_OR_MORE, REMAINDER):
                cnt = max(len(rest) - later_min, 0)
                if n == ONE_OR_MORE and cnt == 0:
                    continue
                take = rest[:cnt]
            else:
                if len(rest) < n:
                    continue
                take = rest[:n]
            rest = rest[len(take):]
            seen.add(a)
            self._take(a, take, ns)
        extras.extend(rest)
        missing = [_action_name(a) for a in self._actions
                   if a.required and a not in seen]
        if missing:
            raise ArgumentError(None, "the following arguments are required: %s" % ", ".join(missing))
        for a in self._actions:
            if a not in seen and isinstance(a.default, str) and a.type is not None and a.option_strings \
                    and getattr(ns, a.dest, None) is a.default:
                setattr(ns, a.dest, self._convert(a, a.default))
        return extras
