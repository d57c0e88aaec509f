// placeholder: the background worker (issue 3)
export {};
