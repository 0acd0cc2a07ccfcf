"""Value objects of the domain: regions, topics and content documents."""
