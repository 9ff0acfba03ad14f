/** Stylesheets imported by packages mean nothing in jsdom: jest maps them here. */
export {};
