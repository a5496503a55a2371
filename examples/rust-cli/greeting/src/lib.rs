/// Greets by name; an empty name greets the world.
pub fn greet(name: &str) -> String {
    let name = name.trim();
    format!("Hello, {}!", if name.is_empty() { "world" } else { name })
}

#[cfg(test)]
mod tests {
    #[test]
    fn greets() {
        assert_eq!(super::greet(" Ada "), "Hello, Ada!");
        assert_eq!(super::greet(""), "Hello, world!");
    }
}
