"""Safety fields and themes of Kernbeleid Veiligheid, versioned, and each municipality's adaptation."""
