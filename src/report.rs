//! `report --html` (placeholder, being written).
use crate::error::Error;
use crate::project::Project;

pub fn html(_project: &Project) -> Result<String, Error> {
    todo!("HTML report")
}
