//! `import` instructions.

use super::*;

impl Vm {
    /// `ImportName`.
    #[inline(always)]
    pub(super) fn op_import_name(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let name = fr.code.names[i as usize].clone();
        // None: the module's body runs next, as a frame.
        if let Some(m) = self.import_in_frame(&name)? {
            frame!(self).stack.push(m);
        }
        Ok(())
    }

    /// `ImportFrom`.
    #[inline(always)]
    pub(super) fn op_import_from(&mut self, i: u32) -> Result<(), Error> {
        let fr = frame!(self);
        let m = top!(fr).clone();
        let name = fr.code.names[i as usize].clone();
        let v = match self.getattr(&m, &name) {
            Ok(v) => v,
            Err(Error::Exception(_)) => {
                let mname = match &m {
                    Value::Module(mm) => mm.name.to_string(),
                    _ => "?".into(),
                };
                return Err(self.new_error(
                    &self.types.import_error.clone(),
                    format!("cannot import name '{name}' from '{mname}' (unknown location)"),
                ));
            }
            Err(e) => return Err(e),
        };
        frame!(self).stack.push(v);
        Ok(())
    }

    /// `ImportStar`.
    #[inline(always)]
    pub(super) fn op_import_star(&mut self) -> Result<(), Error> {
        let fr = frame!(self);
        let m = pop!(fr);
        if let Value::Module(m) = m {
            let globals = fr.globals.clone();
            for (k, v) in m.globals.items() {
                if !k.starts_with('_') {
                    globals.set(&k, v);
                }
            }
        }
        Ok(())
    }
}
