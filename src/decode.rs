//! bytes → text (to be written).
