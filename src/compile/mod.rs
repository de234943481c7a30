pub(crate) mod variant_tables;
pub(crate) mod variants;
