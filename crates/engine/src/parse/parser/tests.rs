//! AST shapes for every construct, spans, and CPython's error messages and
//! positions (expected values taken from CPython 3.11's `compile()`).

use crate::ast::*;
use crate::parse::{parse_module, SyntaxErrorKind};

fn parse(src: &str) -> Vec<Stmt> {
    match parse_module(src) {
        Ok(m) => m.body,
        Err(e) => panic!("{src:?} failed: {e}"),
    }
}

/// Parses one expression statement (without the compiler-stage checks).
fn expr(src: &str) -> Expr {
    let mut body = match super::Parser::parse_source(src) {
        Ok(m) => m.body,
        Err(e) => panic!("{src:?} failed: {e}"),
    };
    assert_eq!(body.len(), 1);
    match body.remove(0).kind {
        StmtKind::Expr(e) => e,
        other => panic!("not an expression statement: {other:?}"),
    }
}

fn name(e: &Expr) -> &str {
    match &e.kind {
        ExprKind::Name(n) => n,
        other => panic!("not a name: {other:?}"),
    }
}

/// (message, line, column) of the error, plus the exception class.
fn error(src: &str) -> (String, u32, u32, SyntaxErrorKind) {
    match parse_module(src) {
        Ok(m) => panic!("{src:?} parsed: {m:?}"),
        Err(e) => (e.msg, e.span.line, e.span.col, e.kind),
    }
}

fn assert_error(src: &str, msg: &str, line: u32, col: u32) {
    let (m, l, c, _) = error(src);
    assert_eq!((m.as_str(), l, c), (msg, line, col), "for {src:?}");
}

#[test]
fn power_binds_tighter_than_unary_minus_and_is_right_associative() {
    let e = expr("-2**2");
    let ExprKind::UnaryOp {
        op: UnaryOp::USub,
        operand,
    } = &e.kind
    else {
        panic!("{e:?}")
    };
    assert!(matches!(
        operand.kind,
        ExprKind::BinOp { op: BinOp::Pow, .. }
    ));
    let e = expr("2**3**2");
    let ExprKind::BinOp {
        left,
        op: BinOp::Pow,
        right,
    } = &e.kind
    else {
        panic!("{e:?}")
    };
    assert_eq!(left.kind, ExprKind::Constant(Constant::Int(2)));
    assert!(matches!(right.kind, ExprKind::BinOp { op: BinOp::Pow, .. }));
    let e = expr("2**-1");
    let ExprKind::BinOp { right, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(
        right.kind,
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            ..
        }
    ));
}

#[test]
fn binary_precedence_and_left_associativity() {
    // 1 + 2 * 3 - 4  ==  (1 + (2 * 3)) - 4
    let e = expr("1 + 2 * 3 - 4");
    let ExprKind::BinOp {
        left,
        op: BinOp::Sub,
        ..
    } = &e.kind
    else {
        panic!("{e:?}")
    };
    let ExprKind::BinOp {
        right,
        op: BinOp::Add,
        ..
    } = &left.kind
    else {
        panic!()
    };
    assert!(matches!(
        right.kind,
        ExprKind::BinOp {
            op: BinOp::Mult,
            ..
        }
    ));
    // a | b ^ c & d << e + f
    let e = expr("a | b ^ c & d << e + f");
    let ExprKind::BinOp {
        op: BinOp::BitOr,
        right,
        ..
    } = &e.kind
    else {
        panic!()
    };
    let ExprKind::BinOp {
        op: BinOp::BitXor,
        right,
        ..
    } = &right.kind
    else {
        panic!()
    };
    let ExprKind::BinOp {
        op: BinOp::BitAnd,
        right,
        ..
    } = &right.kind
    else {
        panic!()
    };
    let ExprKind::BinOp {
        op: BinOp::LShift,
        right,
        ..
    } = &right.kind
    else {
        panic!()
    };
    assert!(matches!(right.kind, ExprKind::BinOp { op: BinOp::Add, .. }));
}

#[test]
fn boolean_operators_and_chained_comparisons() {
    let e = expr("a or b and not c or d");
    let ExprKind::BoolOp {
        op: BoolOp::Or,
        values,
    } = &e.kind
    else {
        panic!()
    };
    assert_eq!(values.len(), 3);
    assert!(matches!(
        values[1].kind,
        ExprKind::BoolOp {
            op: BoolOp::And,
            ..
        }
    ));
    let e = expr("a < b <= c not in d is not e in f is g");
    let ExprKind::Compare {
        ops, comparators, ..
    } = &e.kind
    else {
        panic!()
    };
    assert_eq!(
        ops,
        &[
            CmpOp::Lt,
            CmpOp::LtE,
            CmpOp::NotIn,
            CmpOp::IsNot,
            CmpOp::In,
            CmpOp::Is
        ]
    );
    assert_eq!(comparators.len(), 6);
}

#[test]
fn ternary_lambda_walrus_await() {
    let e = expr("a if b else c if d else e");
    let ExprKind::IfExp { orelse, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(orelse.kind, ExprKind::IfExp { .. }));
    let e = expr("lambda x, y=1, *a, k, **kw: x");
    let ExprKind::Lambda { args, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(args.args.len(), 2);
    assert_eq!(args.defaults.len(), 1);
    assert_eq!(args.vararg.as_ref().map(|a| &*a.arg), Some("a"));
    assert_eq!(args.kwonlyargs.len(), 1);
    assert_eq!(args.kw_defaults, vec![None]);
    assert_eq!(args.kwarg.as_ref().map(|a| &*a.arg), Some("kw"));
    let e = expr("(y := f(x))");
    assert!(matches!(&e.kind, ExprKind::NamedExpr { target, .. } if &**target == "y"));
    let body = parse("async def f():\n    await g()\n");
    let StmtKind::FunctionDef(f) = &body[0].kind else {
        panic!()
    };
    assert!(f.is_async);
    let StmtKind::Expr(e) = &f.body[0].kind else {
        panic!()
    };
    assert!(matches!(e.kind, ExprKind::Await(_)));
}

#[test]
fn function_parameters_are_laid_out_like_cpython() {
    let body = parse("@d1\n@d2(x)\ndef f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    pass\n");
    let StmtKind::FunctionDef(f) = &body[0].kind else {
        panic!()
    };
    assert_eq!(f.decorator_list.len(), 2);
    let args = &f.args;
    let names = |v: &[Arg]| v.iter().map(|a| a.arg.to_string()).collect::<Vec<_>>();
    assert_eq!(names(&args.posonlyargs), ["a", "b"]);
    assert_eq!(names(&args.args), ["c"]);
    assert_eq!(args.defaults.len(), 2);
    assert_eq!(names(&args.kwonlyargs), ["d", "e"]);
    assert!(args.kw_defaults[0].is_none() && args.kw_defaults[1].is_some());
    assert!(f.returns.is_some());
    // The statement starts at `def`, not at the decorators (as in CPython).
    assert_eq!((body[0].span.line, body[0].span.col), (3, 1));
}

#[test]
fn class_with_bases_and_keywords() {
    let body = parse("class A(B, *c, metaclass=M, **kw):\n    x: int = 1\n");
    let StmtKind::ClassDef(c) = &body[0].kind else {
        panic!()
    };
    assert_eq!(c.bases.len(), 2);
    assert!(matches!(c.bases[1].kind, ExprKind::Starred(_)));
    assert_eq!(c.keywords.len(), 2);
    assert_eq!(c.keywords[1].arg, None);
    assert!(matches!(
        c.body[0].kind,
        StmtKind::AnnAssign { value: Some(_), .. }
    ));
}

#[test]
fn assignments() {
    let body = parse("a = b = 1\nx, *y = z\nd[k] += 1\nv: int\n");
    let StmtKind::Assign { targets, .. } = &body[0].kind else {
        panic!()
    };
    assert_eq!(targets.len(), 2);
    let StmtKind::Assign { targets, .. } = &body[1].kind else {
        panic!()
    };
    let ExprKind::Tuple(elts) = &targets[0].kind else {
        panic!()
    };
    assert!(matches!(elts[1].kind, ExprKind::Starred(_)));
    assert!(matches!(
        body[2].kind,
        StmtKind::AugAssign { op: BinOp::Add, .. }
    ));
    assert!(matches!(
        body[3].kind,
        StmtKind::AnnAssign { value: None, .. }
    ));
}

#[test]
fn elif_is_a_nested_if_and_loops_have_else() {
    let body = parse("if a:\n    pass\nelif b:\n    pass\nelse:\n    x = 1\nfor i in r:\n    pass\nelse:\n    pass\nwhile c:\n    break\nelse:\n    pass\n");
    let StmtKind::If { orelse, .. } = &body[0].kind else {
        panic!()
    };
    assert_eq!(orelse.len(), 1);
    let StmtKind::If {
        orelse: inner_else, ..
    } = &orelse[0].kind
    else {
        panic!()
    };
    assert_eq!(inner_else.len(), 1);
    // The elif statement starts at `elif`; the whole chain ends at `x = 1`.
    assert_eq!(orelse[0].span.line, 3);
    assert_eq!(
        body[0].span.end as usize,
        "if a:\n    pass\nelif b:\n    pass\nelse:\n    x = 1".len()
    );
    assert!(
        matches!(&body[1].kind, StmtKind::For { orelse, is_async: false, .. } if orelse.len() == 1)
    );
    assert!(matches!(&body[2].kind, StmtKind::While { orelse, .. } if orelse.len() == 1));
}

#[test]
fn with_items_parenthesized_or_not() {
    let body = parse("with (a as b, c as d,):\n    pass\nwith (a, b) as c:\n    pass\nwith a, b as (x, y):\n    pass\n");
    let StmtKind::With { items, .. } = &body[0].kind else {
        panic!()
    };
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|i| i.optional_vars.is_some()));
    let StmtKind::With { items, .. } = &body[1].kind else {
        panic!()
    };
    assert_eq!(items.len(), 1);
    assert!(matches!(items[0].context_expr.kind, ExprKind::Tuple(_)));
    let StmtKind::With { items, .. } = &body[2].kind else {
        panic!()
    };
    assert!(matches!(
        &items[1].optional_vars,
        Some(Expr {
            kind: ExprKind::Tuple(_),
            ..
        })
    ));
}

#[test]
fn try_except_star_else_finally() {
    let body = parse(
        "try:\n    pass\nexcept* (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n",
    );
    let StmtKind::Try {
        handlers,
        orelse,
        finalbody,
        is_star,
        ..
    } = &body[0].kind
    else {
        panic!()
    };
    assert!(*is_star);
    assert_eq!(handlers[0].name.as_deref(), Some("e"));
    assert!(matches!(
        &handlers[0].typ,
        Some(Expr {
            kind: ExprKind::Tuple(_),
            ..
        })
    ));
    assert_eq!((orelse.len(), finalbody.len()), (1, 1));
    let body = parse("try:\n    pass\nexcept:\n    raise\n");
    let StmtKind::Try {
        handlers, is_star, ..
    } = &body[0].kind
    else {
        panic!()
    };
    assert!(!*is_star && handlers[0].typ.is_none());
    assert!(matches!(
        handlers[0].body[0].kind,
        StmtKind::Raise {
            exc: None,
            cause: None
        }
    ));
}

#[test]
fn imports_and_declarations() {
    let body = parse("import a.b as c, d\nfrom ..x.y import (p, q as r,)\nfrom . import z\n");
    let StmtKind::Import(names) = &body[0].kind else {
        panic!()
    };
    assert_eq!(&*names[0].name, "a.b");
    assert_eq!(names[0].asname.as_deref(), Some("c"));
    let StmtKind::ImportFrom {
        module,
        names,
        level,
    } = &body[1].kind
    else {
        panic!()
    };
    assert_eq!(
        (module.as_deref(), names.len(), *level),
        (Some("x.y"), 2, 2)
    );
    let StmtKind::ImportFrom { module, level, .. } = &body[2].kind else {
        panic!()
    };
    assert_eq!((module.as_deref(), *level), (None, 1));
    let body = parse("def f():\n    global a, b\n    def g():\n        nonlocal c\n    c = 1\n");
    let StmtKind::FunctionDef(f) = &body[0].kind else {
        panic!()
    };
    assert_eq!(
        f.body[0].kind,
        StmtKind::Global(vec!["a".into(), "b".into()])
    );
}

#[test]
fn displays_and_comprehensions() {
    let e = expr("{**a, 'k': 1}");
    let ExprKind::Dict { keys, values } = &e.kind else {
        panic!()
    };
    assert!(keys[0].is_none() && keys[1].is_some() && values.len() == 2);
    assert!(matches!(expr("{*a, 1}").kind, ExprKind::Set(_)));
    assert!(matches!(expr("{}").kind, ExprKind::Dict { .. }));
    assert!(matches!(expr("()").kind, ExprKind::Tuple(ref v) if v.is_empty()));
    assert!(matches!(expr("(1,)").kind, ExprKind::Tuple(ref v) if v.len() == 1));
    assert!(matches!(
        expr("(1)").kind,
        ExprKind::Constant(Constant::Int(1))
    ));
    let e = expr("[x for x in y if x if z for w in x]");
    let ExprKind::ListComp { generators, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(generators.len(), 2);
    assert_eq!(generators[0].ifs.len(), 2);
    assert!(matches!(
        expr("{k: v for k, v in p}").kind,
        ExprKind::DictComp { .. }
    ));
    assert!(
        matches!(expr("{x async for x in y}").kind, ExprKind::SetComp { ref generators, .. } if generators[0].is_async)
    );
    assert!(matches!(
        expr("(x for x in y)").kind,
        ExprKind::GeneratorExp { .. }
    ));
}

#[test]
fn calls_subscripts_and_slices() {
    let e = expr("f(a, *b, c=1, **d)");
    let ExprKind::Call { args, keywords, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(args.len(), 2);
    assert_eq!(keywords.len(), 2);
    let e = expr("f(x for x in y)");
    let ExprKind::Call { args, .. } = &e.kind else {
        panic!()
    };
    assert!(matches!(args[0].kind, ExprKind::GeneratorExp { .. }));
    let e = expr("a[1:2, ::3, 4]");
    let ExprKind::Subscript { slice, .. } = &e.kind else {
        panic!()
    };
    let ExprKind::Tuple(elts) = &slice.kind else {
        panic!()
    };
    assert!(matches!(
        &elts[0].kind,
        ExprKind::Slice {
            lower: Some(_),
            upper: Some(_),
            step: None
        }
    ));
    assert!(matches!(
        &elts[1].kind,
        ExprKind::Slice {
            lower: None,
            upper: None,
            step: Some(_)
        }
    ));
    assert!(matches!(elts[2].kind, ExprKind::Constant(Constant::Int(4))));
    let e = expr("a.b.c");
    let ExprKind::Attribute { value, attr } = &e.kind else {
        panic!()
    };
    assert_eq!(&**attr, "c");
    assert!(matches!(value.kind, ExprKind::Attribute { .. }));
    assert!(matches!(
        expr("...").kind,
        ExprKind::Constant(Constant::Ellipsis)
    ));
}

#[test]
fn yields() {
    let body = parse("def g():\n    yield\n    x = yield 1, 2\n    yield from h()\n");
    let StmtKind::FunctionDef(f) = &body[0].kind else {
        panic!()
    };
    assert!(matches!(
        &f.body[0].kind,
        StmtKind::Expr(Expr {
            kind: ExprKind::Yield(None),
            ..
        })
    ));
    let StmtKind::Assign { value, .. } = &f.body[1].kind else {
        panic!()
    };
    assert!(
        matches!(&value.kind, ExprKind::Yield(Some(v)) if matches!(v.kind, ExprKind::Tuple(_)))
    );
    assert!(matches!(
        &f.body[2].kind,
        StmtKind::Expr(Expr {
            kind: ExprKind::YieldFrom(_),
            ..
        })
    ));
}

#[test]
fn string_concatenation_and_fstrings() {
    assert_eq!(
        expr("'a' \"b\" '''c'''").kind,
        ExprKind::Constant(Constant::Str("abc".into()))
    );
    assert_eq!(
        expr("b'a' b'\\x00'").kind,
        ExprKind::Constant(Constant::Bytes(vec![b'a', 0]))
    );
    let e = expr("'a' f'b{x!r:>{w}}c' 'd'");
    let ExprKind::JoinedStr(parts) = &e.kind else {
        panic!("{e:?}")
    };
    assert_eq!(parts.len(), 3);
    assert_eq!(
        parts[0].kind,
        ExprKind::Constant(Constant::Str("ab".into()))
    );
    let ExprKind::FormattedValue {
        value,
        conversion,
        format_spec,
    } = &parts[1].kind
    else {
        panic!()
    };
    assert_eq!(name(value), "x");
    assert_eq!(*conversion, Some('r'));
    let Some(spec) = format_spec else { panic!() };
    let ExprKind::JoinedStr(spec_parts) = &spec.kind else {
        panic!()
    };
    assert_eq!(
        spec_parts[0].kind,
        ExprKind::Constant(Constant::Str(">".into()))
    );
    assert!(matches!(
        spec_parts[1].kind,
        ExprKind::FormattedValue { .. }
    ));
    assert_eq!(
        parts[2].kind,
        ExprKind::Constant(Constant::Str("cd".into()))
    );
    // Self-documenting `=`: the text, then the value with `!r`.
    let e = expr("f'{x = }'");
    let ExprKind::JoinedStr(parts) = &e.kind else {
        panic!()
    };
    assert_eq!(
        parts[0].kind,
        ExprKind::Constant(Constant::Str("x = ".into()))
    );
    assert!(matches!(
        parts[1].kind,
        ExprKind::FormattedValue {
            conversion: Some('r'),
            ..
        }
    ));
    let e = expr("f'{{}}{\"q\"}'");
    let ExprKind::JoinedStr(parts) = &e.kind else {
        panic!()
    };
    assert_eq!(
        parts[0].kind,
        ExprKind::Constant(Constant::Str("{}".into()))
    );
}

#[test]
fn fstring_fields_have_spans_in_the_source() {
    let src = "x = f'ab{value + 1}'\n";
    let body = parse(src);
    let StmtKind::Assign { value, .. } = &body[0].kind else {
        panic!()
    };
    let ExprKind::JoinedStr(parts) = &value.kind else {
        panic!()
    };
    let ExprKind::FormattedValue { value, .. } = &parts[1].kind else {
        panic!()
    };
    assert_eq!(
        &src[value.span.start as usize..value.span.end as usize],
        "value + 1"
    );
    assert_eq!((value.span.line, value.span.col), (1, 10));
}

#[test]
fn statement_and_expression_spans() {
    let src = "x = 1\nif x:\n    y = (a +\n         b)\n";
    let body = parse(src);
    assert_eq!(
        (body[0].span.line, body[0].span.col, body[0].span.end),
        (1, 1, 5)
    );
    let StmtKind::If { body: inner, .. } = &body[1].kind else {
        panic!()
    };
    let s = &inner[0];
    assert_eq!((s.span.line, s.span.col), (3, 5));
    assert_eq!(
        &src[s.span.start as usize..s.span.end as usize],
        "y = (a +\n         b)"
    );
    let StmtKind::Assign { value, .. } = &s.kind else {
        panic!()
    };
    // Parentheses are not part of a grouped expression's span.
    assert_eq!(
        &src[value.span.start as usize..value.span.end as usize],
        "a +\n         b"
    );
    // Columns count characters, not bytes.
    let body = parse("é = 'ü'; z = 1\n");
    assert_eq!(body[1].span.col, 10);
}

#[test]
fn soft_keywords_are_names_and_match_is_a_statement() {
    parse("match = 1\ncase = 2\ntype = 3\nmatch(x)\n");
    parse("x = 1\nmatch command:\n    case 1:\n        pass\n");
    let (msg, line, col, _) = error("x = 1\nmatch command\n");
    assert_eq!((msg.as_str(), line, col), ("expected ':'", 2, 14));
    let (msg, ..) = error("type Point = tuple\n");
    assert_eq!(msg, "`type` statements are not supported in Looplab yet");
    let (msg, ..) = error("from m import *\n");
    assert!(msg.contains("not supported in Looplab"));
}

#[test]
fn cpython_error_messages_and_positions() {
    // Every expectation below was produced by CPython 3.11's compile().
    // One piece on purpose: a table of (source, message, line, column)
    // rows, one assertion each.
    assert_error("x = (1 +\n", "'(' was never closed", 1, 5);
    assert_error("foo(1, 2\nx = 3\n", "'(' was never closed", 1, 4);
    assert_error("x = )\n", "unmatched ')'", 1, 5);
    assert_error("if x\n  pass\n", "expected ':'", 1, 5);
    assert_error("class A\n  pass\n", "expected ':'", 1, 8);
    assert_error(
        "print(1 2)\n",
        "invalid syntax. Perhaps you forgot a comma?",
        1,
        7,
    );
    assert_error(
        "x = 'abc\n",
        "unterminated string literal (detected at line 1)",
        1,
        5,
    );
    assert_error(
        "f() = 1\n",
        "cannot assign to function call here. Maybe you meant '==' instead of '='?",
        1,
        1,
    );
    assert_error("x = f() = 1\n", "cannot assign to function call", 1, 5);
    assert_error("await x\n", "'await' outside function", 1, 1);
    assert_error(
        "def f():\n    await x\n",
        "'await' outside async function",
        2,
        5,
    );
    assert_error("return 1\n", "'return' outside function", 1, 1);
    assert_error("break\n", "'break' outside loop", 1, 1);
    assert_error("yield 1\n", "'yield' outside function", 1, 1);
    assert_error("x = 1 2\n", "invalid syntax", 1, 7);
    assert_error("a b c\n", "invalid syntax", 1, 3);
    assert_error("x = 1 +\n", "invalid syntax", 1, 8);
    assert_error(
        "print 'x'\n",
        "Missing parentheses in call to 'print'. Did you mean print(...)?",
        1,
        1,
    );
    assert_error(
        "x = 1 if 2\n",
        "expected 'else' after 'if' expression",
        1,
        5,
    );
    assert_error(
        "x = {1: 2, 3}\n",
        "':' expected after dictionary key",
        1,
        12,
    );
    assert_error(
        "(a, b) += 1\n",
        "'tuple' is an illegal expression for augmented assignment",
        1,
        1,
    );
    assert_error("del f()\n", "cannot delete function call", 1, 5);
    assert_error(
        "f(a=1, b)\n",
        "positional argument follows keyword argument",
        1,
        9,
    );
    assert_error(
        "f(x for x in y, 1)\n",
        "Generator expression must be parenthesized",
        1,
        3,
    );
    assert_error(
        "def f(a=1, b): pass\n",
        "non-default argument follows default argument",
        1,
        12,
    );
    assert_error(
        "def f(*): pass\n",
        "named arguments must follow bare *",
        1,
        7,
    );
    assert_error(
        "def f(a, a): pass\n",
        "duplicate argument 'a' in function definition",
        1,
        10,
    );
    assert_error("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8);
    assert_error(
        "if x = 1:\n  pass\n",
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        1,
        4,
    );
    assert_error(
        "nonlocal x\n",
        "nonlocal declaration not allowed at module level",
        1,
        1,
    );
    assert_error(
        "def f():\n  nonlocal x\n",
        "no binding for nonlocal 'x' found",
        2,
        3,
    );
    assert_error(
        "async def f():\n  yield 1\n  return 2\n",
        "'return' with value in async generator",
        3,
        3,
    );
    assert_error(
        "x = [i async for i in y]\n",
        "asynchronous comprehension outside of an asynchronous function",
        1,
        5,
    );
    assert_error(
        "for x in y:\n  pass\nelse:\n  break\n",
        "'break' outside loop",
        4,
        3,
    );
    assert_error(
        "try:\n  pass\n\nx = 1\n",
        "expected 'except' or 'finally' block",
        4,
        1,
    );
    assert_error("x = 0777\n", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5);
    assert_error(
        "x = \u{20ac}\n",
        "invalid character '\u{20ac}' (U+20AC)",
        1,
        5,
    );
    assert_error("True = 1\n", "cannot assign to True", 1, 1);
    assert_error(
        "*a = 1\n",
        "starred assignment target must be in a list or tuple",
        1,
        1,
    );
    assert_error(
        "def f():\n  return *a\n",
        "can't use starred expression here",
        2,
        10,
    );
    assert_error("@foo\nx = 1\n", "invalid syntax", 2, 1);
}

#[test]
fn indentation_errors() {
    let cases = [
        (
            "  x = 1\n",
            "unexpected indent",
            1,
            2,
            SyntaxErrorKind::IndentationError,
        ),
        (
            "if x:\npass\n",
            "expected an indented block after 'if' statement on line 1",
            2,
            1,
            SyntaxErrorKind::IndentationError,
        ),
        (
            "def f():\n",
            "expected an indented block after function definition on line 1",
            1,
            9,
            SyntaxErrorKind::IndentationError,
        ),
        (
            "if x:\n    a\n  b\n",
            "unindent does not match any outer indentation level",
            3,
            4,
            SyntaxErrorKind::IndentationError,
        ),
        (
            "if x:\n\tpass\n        y\n",
            "inconsistent use of tabs and spaces in indentation",
            3,
            1,
            SyntaxErrorKind::TabError,
        ),
    ];
    for (src, msg, line, col, kind) in cases {
        assert_eq!(
            error(src),
            (msg.to_string(), line, col, kind),
            "for {src:?}"
        );
    }
}

#[test]
fn render_matches_cpython_layout() {
    let src = "a = 1\nb = 2\nx = (1 +\n";
    let e = parse_module(src).unwrap_err();
    assert_eq!(
        e.render(src, "<lesson>"),
        "  File \"<lesson>\", line 3\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed\n"
    );
    let src = "if True:\n    print(1 2)\n";
    let e = parse_module(src).unwrap_err();
    assert_eq!(
        e.render(src, "<lesson>"),
        "  File \"<lesson>\", line 2\n    print(1 2)\n          ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for src in [
        format!("{}1{}", "(".repeat(60), ")".repeat(60)),
        format!("{}1", "-".repeat(5000)),
        format!("{}x", "not ".repeat(5000)),
        format!("{}1", "lambda: ".repeat(5000)),
        format!("x{}", ".a".repeat(5000)),
        format!("x{}", "()".repeat(5000)),
        format!("x{}", " + 1".repeat(5000)),
        format!("x{}", " ** x".repeat(5000)),
        format!("x = {}1{}", "[".repeat(199), "]".repeat(199)),
        format!("x = {}1{}", "f'{".repeat(50), "}'".repeat(50)),
    ] {
        assert!(parse_module(&src).is_err(), "{}", &src[..20]);
    }
    // Moderate nesting is fine.
    parse(&format!("x = {}1{}\n", "(".repeat(45), ")".repeat(45)));
    parse(&format!("x = 1{}\n", " + 1".repeat(500)));
}

#[test]
fn maximal_nesting_fits_in_a_small_stack() {
    // The browser gives wasm about 1 MiB of stack; the parser (plus the
    // checks) must fit well within it at the nesting limit (measured: about
    // 4 KiB of stack per parenthesis level, in debug and release alike).
    let src = format!("x = {}1{}\n", "(".repeat(49), ")".repeat(49));
    let lambdas = format!("f = {}1\n", "lambda: ".repeat(48));
    let unary = format!("y = {}1\n", "-".repeat(48));
    let handle = std::thread::Builder::new()
        .stack_size(384 * 1024)
        .spawn(move || {
            for s in [src, lambdas, unary] {
                assert!(parse_module(&s).is_ok(), "{}", &s[..12]);
            }
        })
        .expect("spawn");
    handle.join().expect("parsing overflowed a 512 KiB stack");
}
